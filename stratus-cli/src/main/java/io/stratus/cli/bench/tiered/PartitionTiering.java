package io.stratus.cli.bench.tiered;

/**
 * How far one partition of the tiered topic has left the broker.
 *
 * @param partition the partition
 * @param earliestLocalOffset the first offset still on the broker's disk (KIP-1005's {@code
 *     earliest-local}); everything before it is read from the object store
 * @param activeSegmentBaseOffset the first offset of the segment being written, which never tiers
 * @param endOffset the offset the next record would get
 */
record PartitionTiering(
    int partition, long earliestLocalOffset, long activeSegmentBaseOffset, long endOffset) {

  /** Whether every closed segment has been tiered and removed from the broker's disk. */
  boolean tiered() {
    return earliestLocalOffset >= activeSegmentBaseOffset;
  }
}
