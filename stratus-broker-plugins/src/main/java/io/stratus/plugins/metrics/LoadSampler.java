package io.stratus.plugins.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns two snapshots of a broker's metrics into one sample per partition it hosts: the local size
 * and log end offset at the end of the interval; for partitions it leads, byte rates over the
 * interval from the topic's counters, split by {@link ByteRateApportioner}.
 *
 * <p>Remote bytes: Kafka reports them per topic and leader only, so a leader's partitions of a
 * topic each get an even part of the topic's remote bytes on that broker; followers report none.
 *
 * <p>A counter lower than before was re-created (the topic left this broker and came back), so it
 * counts from zero. A partition without an earlier log end offset has appended nothing yet, as far
 * as this interval knows. Pure; thread-safe.
 */
final class LoadSampler {

  private LoadSampler() {}

  /** The samples of the interval from {@code previous} to {@code current}, by topic and number. */
  static List<PartitionSample> samples(MetricsSnapshot previous, MetricsSnapshot current) {
    double seconds = Math.max(1e-3, (current.monotonicNanos() - previous.monotonicNanos()) / 1e9);
    Map<String, Map<TopicPartition, Long>> growthByTopic = new HashMap<>();
    current
        .logs()
        .forEach(
            (partition, log) -> {
              if (log.leader()) {
                MetricsSnapshot.LogState before = previous.logs().get(partition);
                // A replica new on this broker: everything in its log arrived since the last look.
                long growth =
                    before == null
                        ? log.logEndOffset()
                        : log.logEndOffset() - before.logEndOffset();
                growthByTopic
                    .computeIfAbsent(partition.topic(), t -> new HashMap<>())
                    .put(partition, growth);
              }
            });
    Map<TopicPartition, Double> bytesIn = new HashMap<>();
    Map<TopicPartition, Double> bytesOut = new HashMap<>();
    Map<TopicPartition, Long> remoteBytes = new HashMap<>();
    growthByTopic.forEach(
        (topic, growth) -> {
          MetricsSnapshot.TopicCounters now = current.topics().get(topic);
          if (now == null) {
            return;
          }
          MetricsSnapshot.TopicCounters before = previous.topics().get(topic);
          long in = counterDelta(before == null ? 0 : before.bytesIn(), now.bytesIn());
          long out = counterDelta(before == null ? 0 : before.bytesOut(), now.bytesOut());
          bytesIn.putAll(ByteRateApportioner.apportion(in / seconds, growth, false));
          bytesOut.putAll(ByteRateApportioner.apportion(out / seconds, growth, true));
          if (now.remoteBytes().isPresent()) {
            long each = now.remoteBytes().getAsLong() / growth.size();
            growth.keySet().forEach(partition -> remoteBytes.put(partition, each));
          }
        });
    var samples = new ArrayList<PartitionSample>(current.logs().size());
    current
        .logs()
        .forEach(
            (partition, log) ->
                samples.add(
                    new PartitionSample(
                        partition.topic(),
                        partition.partition(),
                        log.leader(),
                        log.localBytes(),
                        log.logEndOffset(),
                        bytesIn.getOrDefault(partition, 0.0),
                        bytesOut.getOrDefault(partition, 0.0),
                        remoteBytes.containsKey(partition)
                            ? OptionalLong.of(remoteBytes.get(partition))
                            : OptionalLong.empty())));
    samples.sort(
        Comparator.comparing(PartitionSample::topic).thenComparing(PartitionSample::partition));
    return samples;
  }

  private static long counterDelta(long before, long now) {
    return now >= before ? now - before : now;
  }
}
