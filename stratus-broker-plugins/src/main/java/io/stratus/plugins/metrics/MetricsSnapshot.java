package io.stratus.plugins.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The broker's own metrics read at one moment: per partition it hosts, its log; per topic, the
 * cumulative byte counters Kafka keeps. Two snapshots make one interval's sample.
 *
 * @param monotonicNanos when it was read, on {@link System#nanoTime()}'s scale
 * @param timestampMs when it was read, in epoch milliseconds
 * @param running whether the broker was serving ({@code BrokerState} RUNNING, or no such metric):
 *     while it starts or shuts down there is nothing worth sampling
 * @param logs per hosted partition, its log
 * @param topics per topic with traffic counters on this broker, those counters
 */
public record MetricsSnapshot(
    long monotonicNanos,
    long timestampMs,
    boolean running,
    Map<TopicPartition, LogState> logs,
    Map<String, TopicCounters> topics) {

  public MetricsSnapshot {
    logs = Map.copyOf(logs);
    topics = Map.copyOf(topics);
  }

  /**
   * One partition's log on this broker.
   *
   * @param localBytes bytes on this broker's disk
   * @param logEndOffset the next offset to be written
   * @param leader whether this broker leads the partition
   */
  public record LogState(long localBytes, long logEndOffset, boolean leader) {}

  /**
   * One topic's counters on this broker, over the partitions it leads.
   *
   * @param bytesIn bytes produced to it since the counter was created
   * @param bytesOut bytes consumers fetched from it since the counter was created
   * @param remoteBytes bytes of it in the object store, when tiered storage reports them
   */
  public record TopicCounters(long bytesIn, long bytesOut, OptionalLong remoteBytes) {

    public TopicCounters {
      Objects.requireNonNull(remoteBytes, "remoteBytes");
    }
  }
}
