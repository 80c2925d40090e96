package io.stratus.plugins.tiered.format;

import java.util.List;
import java.util.Optional;

/**
 * Everything needed to read a stored segment back: written last, so its presence means the {@code
 * .log} and {@code .indexes} objects are complete. Serialized as JSON by {@link ManifestCodec}.
 *
 * <p>Evolving the format: a field that older readers may safely ignore can be added without a new
 * {@link #version()} (readers ignore unknown fields, and the compact constructor gives a missing
 * field its default when a newer reader reads an older manifest). A change older readers must
 * understand raises the version, and {@link ManifestCodec} upgrades older versions on read.
 *
 * @param version format version ({@link ManifestCodec#CURRENT_VERSION} when written by this code)
 * @param segment which segment this is
 * @param createdAt when the copy was made (ISO-8601), for people reading the store
 * @param originalSize size of the segment file in bytes
 * @param storedSize size of the {@code .log} object in bytes
 * @param chunkSize the chunk size the segment was split with (every chunk but the last has it)
 * @param chunks the chunk table, in segment order, covering the segment without gaps
 * @param indexes the index table; a missing type means the segment had no such index
 * @param encryption whether and how the blocks are encrypted
 */
public record SegmentManifest(
    int version,
    SegmentIdentity segment,
    String createdAt,
    long originalSize,
    long storedSize,
    int chunkSize,
    List<ChunkEntry> chunks,
    List<IndexEntry> indexes,
    EncryptionInfo encryption) {

  public SegmentManifest {
    if (segment == null) {
      throw new IllegalArgumentException("a manifest needs its segment identity");
    }
    createdAt = createdAt == null ? "" : createdAt;
    chunks = chunks == null ? List.of() : List.copyOf(chunks);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    encryption = encryption == null ? new EncryptionInfo.None() : encryption;
    checkChunksCoverSegment(chunks, originalSize);
  }

  private static void checkChunksCoverSegment(List<ChunkEntry> chunks, long originalSize) {
    long expected = 0;
    for (int i = 0; i < chunks.size(); i++) {
      ChunkEntry chunk = chunks.get(i);
      if (chunk.originalOffset() != expected) {
        throw new IllegalArgumentException(
            "chunk " + i + " starts at " + chunk.originalOffset() + ", expected " + expected);
      }
      expected = chunk.originalEnd();
    }
    if (expected != originalSize) {
      throw new IllegalArgumentException(
          "chunks cover " + expected + " bytes but the segment has " + originalSize);
    }
  }

  /** The stored index of {@code type}, if the segment had one. */
  public Optional<IndexEntry> index(SegmentIndex type) {
    return indexes.stream().filter(entry -> entry.type() == type).findFirst();
  }

  /** The number of the chunk holding segment byte {@code position} (0 <= position < size). */
  public int chunkAt(long position) {
    if (position < 0 || position >= originalSize) {
      throw new IndexOutOfBoundsException(
          "position " + position + " is outside the segment of " + originalSize + " bytes");
    }
    int low = 0;
    int high = chunks.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (chunks.get(middle).originalOffset() <= position) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}
