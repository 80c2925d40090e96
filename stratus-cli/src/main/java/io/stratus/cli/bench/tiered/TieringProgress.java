package io.stratus.cli.bench.tiered;

import java.util.List;
import java.util.Locale;

/**
 * Where tiering of the whole topic stands: each partition, and the bytes in the object store. Pure.
 *
 * @param partitions every partition of the topic
 * @param objectStoreBytes bytes of the objects stored so far
 */
record TieringProgress(List<PartitionTiering> partitions, long objectStoreBytes) {

  TieringProgress {
    partitions = List.copyOf(partitions);
  }

  /**
   * Whether the topic is tiered: every closed segment has left the broker and the object store
   * holds something for them.
   */
  boolean done() {
    boolean anyClosed =
        partitions.stream().anyMatch(partition -> partition.activeSegmentBaseOffset() > 0);
    return partitions.stream().allMatch(PartitionTiering::tiered)
        && (!anyClosed || objectStoreBytes > 0);
  }

  /** The share of the topic's records that a read from offset 0 gets from the object store. */
  double remoteShare() {
    long end = partitions.stream().mapToLong(PartitionTiering::endOffset).sum();
    long remote = partitions.stream().mapToLong(PartitionTiering::earliestLocalOffset).sum();
    return end == 0 ? 0 : (double) remote / end;
  }

  /** One line for a progress display. */
  String describe() {
    long tiered = partitions.stream().filter(PartitionTiering::tiered).count();
    return String.format(
        Locale.ROOT,
        "%d of %d partitions tiered, %.0f%% of records remote, %.1f MB in the object store",
        tiered,
        partitions.size(),
        remoteShare() * 100,
        objectStoreBytes / Throughput.BYTES_PER_MB);
  }
}
