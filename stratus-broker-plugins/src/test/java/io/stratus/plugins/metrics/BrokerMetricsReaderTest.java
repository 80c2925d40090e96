package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import io.stratus.plugins.metrics.MetricsSnapshot.LogState;
import java.util.LinkedHashMap;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics are registered under the names Kafka's brokers give them, built by Kafka's own code. */
class BrokerMetricsReaderTest {

  private final MetricsRegistry registry = new MetricsRegistry();
  private final BrokerMetricsReader reader = new BrokerMetricsReader(registry::allMetrics);

  @AfterEach
  void stopMeters() {
    registry.shutdown();
  }

  @Test
  void readsEachHostedLogAndWhetherItIsLedHere() {
    logGauge("Size", "orders", 0, 4096L);
    logGauge("LogEndOffset", "orders", 0, 120L);
    partitionGauge("orders", 0, 3);
    logGauge("Size", "orders", 1, 2048L);
    logGauge("LogEndOffset", "orders", 1, 60L);
    partitionGauge("orders", 1, 0);
    logGauge("Size", "orders.v2", 5, 10L);
    logGauge("LogEndOffset", "orders.v2", 5, 1L);

    MetricsSnapshot snapshot = reader.read(7, 8);

    assertThat(snapshot.monotonicNanos()).isEqualTo(7);
    assertThat(snapshot.timestampMs()).isEqualTo(8);
    assertThat(snapshot.logs())
        .containsEntry(new TopicPartition("orders", 0), new LogState(4096, 120, true))
        .containsEntry(new TopicPartition("orders", 1), new LogState(2048, 60, false))
        .as("a dotted topic name survives the object name")
        .containsEntry(new TopicPartition("orders.v2", 5), new LogState(10, 1, false))
        .hasSize(3);
  }

  @Test
  void readsTheTopicByteCountersAndRemoteSizeButNotReplicationOrTheAllTopicsTotal() {
    registry.newMeter(topicMetric("BytesInPerSec", "orders"), "bytes", TimeUnit.SECONDS).mark(500);
    registry.newMeter(topicMetric("BytesOutPerSec", "orders"), "bytes", TimeUnit.SECONDS).mark(900);
    registry
        .newMeter(topicMetric("ReplicationBytesInPerSec", "orders"), "bytes", TimeUnit.SECONDS)
        .mark(123);
    registry
        .newMeter(
            KafkaYammerMetrics.getMetricName("kafka.server", "BrokerTopicMetrics", "BytesInPerSec"),
            "bytes",
            TimeUnit.SECONDS)
        .mark(10_000);
    registry.newGauge(topicMetric("RemoteLogSizeBytes", "orders"), constant(77_000L));
    registry.newGauge(topicMetric("RemoteLogSizeBytes", "quiet"), constant(5L));

    MetricsSnapshot snapshot = reader.read(0, 0);

    assertThat(snapshot.topics())
        .containsEntry(
            "orders", new MetricsSnapshot.TopicCounters(500, 900, OptionalLong.of(77_000)))
        .containsEntry("quiet", new MetricsSnapshot.TopicCounters(0, 0, OptionalLong.of(5)))
        .hasSize(2);
  }

  @Test
  void futureReplicasAndFailingGaugesAreLeftOut() {
    var future = new LinkedHashMap<String, String>();
    future.put("topic", "orders");
    future.put("partition", "0");
    future.put("is-future", "true");
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.log", "Log", "Size", future), constant(1L));
    logGauge("Size", "orders", 1, 10L);
    registry.newGauge(
        logMetric("LogEndOffset", "orders", 1),
        new Gauge<Long>() {
          @Override
          public Long value() {
            throw new IllegalStateException("log closed");
          }
        });

    MetricsSnapshot snapshot = reader.read(0, 0);

    assertThat(snapshot.logs())
        .containsOnlyKeys(new TopicPartition("orders", 1))
        .containsEntry(new TopicPartition("orders", 1), new LogState(10, 0, false));
  }

  private void logGauge(String name, String topic, int partition, long value) {
    registry.newGauge(logMetric(name, topic, partition), constant(value));
  }

  private void partitionGauge(String topic, int partition, int replicasCountOnLeader) {
    registry.newGauge(
        KafkaYammerMetrics.getMetricName(
            "kafka.cluster", "Partition", "ReplicasCount", tags(topic, partition)),
        constant(replicasCountOnLeader));
  }

  private static MetricName logMetric(String name, String topic, int partition) {
    return KafkaYammerMetrics.getMetricName("kafka.log", "Log", name, tags(topic, partition));
  }

  private static MetricName topicMetric(String name, String topic) {
    var tags = new LinkedHashMap<String, String>();
    tags.put("topic", topic);
    return KafkaYammerMetrics.getMetricName("kafka.server", "BrokerTopicMetrics", name, tags);
  }

  private static LinkedHashMap<String, String> tags(String topic, int partition) {
    var tags = new LinkedHashMap<String, String>();
    tags.put("topic", topic);
    tags.put("partition", Integer.toString(partition));
    return tags;
  }

  private static <T> Gauge<T> constant(T value) {
    return new Gauge<>() {
      @Override
      public T value() {
        return value;
      }
    };
  }

  @Test
  void aBrokerIsRunningOnlyInKafkasRunningStateOrWhenItHasNoStateMetric() {
    assertThat(reader.read(0, 0).running()).as("no BrokerState metric").isTrue();
    var state = new java.util.concurrent.atomic.AtomicInteger(1);
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.server", "KafkaServer", "BrokerState"),
        new Gauge<Byte>() {
          @Override
          public Byte value() {
            return (byte) state.get();
          }
        });

    assertThat(reader.read(0, 0).running()).as("STARTING").isFalse();
    state.set(BrokerMetricsReader.RUNNING);
    assertThat(reader.read(0, 0).running()).as("RUNNING").isTrue();
    state.set(7);
    assertThat(reader.read(0, 0).running()).as("SHUTTING_DOWN").isFalse();
  }
}
