package io.stratus.plugins.metrics;

import java.util.List;

/**
 * The samples one broker took at one moment, published together.
 *
 * @param broker the broker's node id
 * @param timestampMs when the samples were taken, in epoch milliseconds; the end of the interval
 * @param intervalMs how long the interval the rates were measured over was
 * @param partitions one sample per partition
 */
public record SampleBatch(
    int broker, long timestampMs, long intervalMs, List<PartitionSample> partitions) {

  public SampleBatch {
    partitions = List.copyOf(partitions);
  }

  /**
   * This batch cut into batches of at most {@code maxPartitions} samples each, with the same
   * broker, time and interval, so that no record grows with the number of partitions.
   */
  public List<SampleBatch> split(int maxPartitions) {
    if (maxPartitions <= 0) {
      throw new IllegalArgumentException("max partitions must be positive, was " + maxPartitions);
    }
    if (partitions.size() <= maxPartitions) {
      return List.of(this);
    }
    var batches = new java.util.ArrayList<SampleBatch>();
    for (int from = 0; from < partitions.size(); from += maxPartitions) {
      int to = Math.min(partitions.size(), from + maxPartitions);
      batches.add(new SampleBatch(broker, timestampMs, intervalMs, partitions.subList(from, to)));
    }
    return batches;
  }
}
