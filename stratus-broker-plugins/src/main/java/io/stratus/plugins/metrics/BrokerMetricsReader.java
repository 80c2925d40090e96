package io.stratus.plugins.metrics;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Metered;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what the load reporter needs out of the broker's Yammer metrics registry (the one behind
 * Kafka's {@code kafka.*} MBeans):
 *
 * <ul>
 *   <li>{@code kafka.server:type=KafkaServer,name=BrokerState}: 3 (RUNNING) once the broker serves
 *   <li>{@code kafka.log:type=Log,name=Size|LogEndOffset,topic=…,partition=…}: per hosted log;
 *       {@code Size} is the local size, which with tiered storage is the hot set only
 *   <li>{@code kafka.cluster:type=Partition,name=ReplicasCount,topic=…,partition=…}: the
 *       replication factor on the leader, 0 elsewhere, so it tells which partitions are led here
 *   <li>{@code kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec|BytesOutPerSec,topic=…}:
 *       cumulative bytes produced to and fetched by consumers from the topic's partitions led here
 *       (replication traffic has meters of its own, not read)
 *   <li>{@code kafka.server:type=BrokerTopicMetrics,name=RemoteLogSizeBytes,topic=…}: Kafka 4.4
 *       exposes the bytes in remote storage per topic only (summed over the partitions led here),
 *       not per partition
 * </ul>
 *
 * Logs of future replicas (an intra-broker move in progress, tagged {@code is-future}) are left
 * out. A metric that fails to read is skipped. Thread-safe: the registry is concurrent and this
 * class keeps no state.
 */
final class BrokerMetricsReader {

  /** Kafka's {@code BrokerState.RUNNING}. */
  static final int RUNNING = 3;

  private final Supplier<Map<MetricName, Metric>> metrics;

  /**
   * @param metrics the registry's metrics, e.g. {@code registry::allMetrics}
   */
  BrokerMetricsReader(Supplier<Map<MetricName, Metric>> metrics) {
    this.metrics = metrics;
  }

  MetricsSnapshot read(long monotonicNanos, long timestampMs) {
    Map<TopicPartition, long[]> logs = new HashMap<>();
    Map<TopicPartition, Boolean> leaders = new HashMap<>();
    Map<String, long[]> topics = new HashMap<>();
    Map<String, Long> remote = new HashMap<>();
    boolean running = true;
    for (Map.Entry<MetricName, Metric> entry : metrics.get().entrySet()) {
      MetricName name = entry.getKey();
      String group = name.getGroup();
      if (!"kafka.log".equals(group)
          && !"kafka.cluster".equals(group)
          && !"kafka.server".equals(group)) {
        continue;
      }
      if ("KafkaServer".equals(name.getType()) && "BrokerState".equals(name.getName())) {
        try {
          running = gaugeValue(entry.getValue()) == RUNNING;
        } catch (RuntimeException e) {
          running = false;
        }
        continue;
      }
      Map<String, String> tags = MBeanTags.parse(name.getMBeanName());
      String topic = tags.get("topic");
      if (topic == null) {
        continue;
      }
      try {
        readOne(name, tags, topic, entry.getValue(), logs, leaders, topics, remote);
      } catch (RuntimeException e) {
        // A gauge of a log being closed or deleted may throw; the next sample will not see it.
      }
    }
    var logStates = new HashMap<TopicPartition, MetricsSnapshot.LogState>();
    logs.forEach(
        (partition, values) ->
            logStates.put(
                partition,
                new MetricsSnapshot.LogState(
                    values[0], values[1], leaders.getOrDefault(partition, false))));
    var counters = new HashMap<String, MetricsSnapshot.TopicCounters>();
    topics.forEach(
        (topic, values) ->
            counters.put(
                topic,
                new MetricsSnapshot.TopicCounters(
                    values[0],
                    values[1],
                    remote.containsKey(topic)
                        ? OptionalLong.of(remote.get(topic))
                        : OptionalLong.empty())));
    remote.forEach(
        (topic, bytes) ->
            counters.putIfAbsent(
                topic, new MetricsSnapshot.TopicCounters(0, 0, OptionalLong.of(bytes))));
    return new MetricsSnapshot(monotonicNanos, timestampMs, running, logStates, counters);
  }

  private static void readOne(
      MetricName name,
      Map<String, String> tags,
      String topic,
      Metric metric,
      Map<TopicPartition, long[]> logs,
      Map<TopicPartition, Boolean> leaders,
      Map<String, long[]> topics,
      Map<String, Long> remote) {
    switch (name.getType()) {
      case "Log":
        if (!"kafka.log".equals(name.getGroup())
            || tags.containsKey("is-future")
            || !tags.containsKey("partition")) {
          return;
        }
        if ("Size".equals(name.getName())) {
          logs.computeIfAbsent(partition(topic, tags), p -> new long[2])[0] = gaugeValue(metric);
        } else if ("LogEndOffset".equals(name.getName())) {
          logs.computeIfAbsent(partition(topic, tags), p -> new long[2])[1] = gaugeValue(metric);
        }
        return;
      case "Partition":
        if ("kafka.cluster".equals(name.getGroup())
            && "ReplicasCount".equals(name.getName())
            && tags.containsKey("partition")) {
          leaders.put(partition(topic, tags), gaugeValue(metric) > 0);
        }
        return;
      case "BrokerTopicMetrics":
        if (!"kafka.server".equals(name.getGroup())) {
          return;
        }
        if ("BytesInPerSec".equals(name.getName())) {
          topics.computeIfAbsent(topic, t -> new long[2])[0] = ((Metered) metric).count();
        } else if ("BytesOutPerSec".equals(name.getName())) {
          topics.computeIfAbsent(topic, t -> new long[2])[1] = ((Metered) metric).count();
        } else if ("RemoteLogSizeBytes".equals(name.getName())) {
          remote.put(topic, gaugeValue(metric));
        }
        return;
      default:
        return;
    }
  }

  private static TopicPartition partition(String topic, Map<String, String> tags) {
    return new TopicPartition(topic, Integer.parseInt(tags.get("partition")));
  }

  private static long gaugeValue(Metric metric) {
    Object value = ((Gauge<?>) metric).value();
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalStateException("gauge value is not a number: " + value);
  }
}
