/**
 * How a tiered segment is laid out in the object store.
 *
 * <p>Keys ({@link io.stratus.plugins.tiered.format.SegmentObjectKeys}): {@code
 * <key.prefix>/<topic>-<topicId>/<partition>/<startOffset, 20 digits>-<segmentId>} with three
 * suffixes:
 *
 * <ul>
 *   <li>{@code .log}: the segment file cut into {@code chunk.size.bytes} chunks, each stored as
 *       {@code [zstd](chunk)}, or, with encryption, {@code nonce(12) || AES-256-GCM([zstd](chunk))
 *       || tag(16)}, concatenated. A chunk is compressed only when most of its bytes are not in
 *       producer-compressed batches ({@link
 *       io.stratus.plugins.tiered.format.CompressedBatchCensus}) and compression shrinks it.
 *   <li>{@code .indexes}: offset, timestamp, producer-snapshot, transaction (when Kafka had one)
 *       and leader-epoch indexes, each encoded the same way on its own, concatenated.
 *   <li>{@code .manifest}: JSON ({@link io.stratus.plugins.tiered.format.ManifestCodec}) with the
 *       format version, segment identity, sizes, chunk table, index table and encryption info
 *       (algorithm, the per-segment data key wrapped by the master key, the master key's
 *       fingerprint). Written last; deleted first.
 * </ul>
 *
 * <p>Encrypted blocks carry {@code
 * stratus-tiered-storage/block/v1|<segmentId>|<block>|<compression>} as additional authenticated
 * data, where {@code <block>} is {@code log/<n>} or {@code index/<type>}, so blocks cannot be
 * swapped, moved between segments or relabelled.
 */
package io.stratus.plugins.tiered.format;
