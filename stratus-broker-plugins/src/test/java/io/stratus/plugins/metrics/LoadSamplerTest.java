package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.plugins.metrics.MetricsSnapshot.LogState;
import io.stratus.plugins.metrics.MetricsSnapshot.TopicCounters;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LoadSamplerTest {

  private static final long SECOND = 1_000_000_000L;
  private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
  private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
  private static final TopicPartition ORDERS_2 = new TopicPartition("orders", 2);

  @Test
  void ledPartitionsShareTheTopicsBytesByAppendedMessages() {
    var before =
        snapshot(
            0,
            Map.of(
                ORDERS_0, new LogState(1000, 100, true),
                ORDERS_1, new LogState(2000, 100, true),
                ORDERS_2, new LogState(3000, 100, false)),
            Map.of("orders", new TopicCounters(10_000, 50_000, OptionalLong.empty())));
    var after =
        snapshot(
            10 * SECOND,
            Map.of(
                ORDERS_0, new LogState(1500, 125, true),
                ORDERS_1, new LogState(3500, 175, true),
                ORDERS_2, new LogState(3700, 170, false)),
            Map.of("orders", new TopicCounters(30_000, 90_000, OptionalLong.empty())));

    List<PartitionSample> samples = LoadSampler.samples(before, after);

    assertThat(samples).extracting(PartitionSample::partition).containsExactly(0, 1, 2);
    PartitionSample first = samples.get(0);
    assertThat(first.leader()).isTrue();
    assertThat(first.localBytes()).isEqualTo(1500);
    assertThat(first.logEndOffset()).isEqualTo(125);
    assertThat(first.bytesInPerSecond())
        .as("2,000 B/s over the topic, a quarter of the appended messages")
        .isCloseTo(500.0, within(1e-9));
    assertThat(first.bytesOutPerSecond()).isCloseTo(1000.0, within(1e-9));
    assertThat(samples.get(1).bytesInPerSecond()).isCloseTo(1500.0, within(1e-9));
    assertThat(samples.get(1).bytesOutPerSecond()).isCloseTo(3000.0, within(1e-9));
    PartitionSample follower = samples.get(2);
    assertThat(follower.leader()).isFalse();
    assertThat(follower.localBytes()).isEqualTo(3700);
    assertThat(follower.bytesInPerSecond())
        .as("a follower's replication is not produced load")
        .isZero();
    assertThat(follower.bytesOutPerSecond()).isZero();
  }

  @Test
  void aRecreatedCounterCountsFromZero() {
    var before =
        snapshot(
            0,
            Map.of(ORDERS_0, new LogState(0, 10, true)),
            Map.of("orders", new TopicCounters(1_000_000, 0, OptionalLong.empty())));
    var after =
        snapshot(
            2 * SECOND,
            Map.of(ORDERS_0, new LogState(0, 20, true)),
            Map.of("orders", new TopicCounters(4000, 0, OptionalLong.empty())));

    assertThat(LoadSampler.samples(before, after).get(0).bytesInPerSecond())
        .isCloseTo(2000.0, within(1e-9));
  }

  @Test
  void aTopicCounterThatAppearedDuringTheIntervalStartedAtZero() {
    var before = snapshot(0, Map.of(), Map.of());
    var after =
        snapshot(
            SECOND,
            Map.of(ORDERS_0, new LogState(100, 5, true)),
            Map.of("orders", new TopicCounters(800, 0, OptionalLong.empty())));

    assertThat(LoadSampler.samples(before, after).get(0).bytesInPerSecond())
        .isCloseTo(800.0, within(1e-9));
  }

  @Test
  void remoteBytesOfATopicAreSplitEvenlyOverItsPartitionsLedHere() {
    var logs =
        Map.of(
            ORDERS_0, new LogState(0, 0, true),
            ORDERS_1, new LogState(0, 0, true),
            ORDERS_2, new LogState(0, 0, false));
    var counters = Map.of("orders", new TopicCounters(0, 0, OptionalLong.of(9000)));

    List<PartitionSample> samples =
        LoadSampler.samples(snapshot(0, logs, counters), snapshot(SECOND, logs, counters));

    assertThat(samples)
        .extracting(PartitionSample::remoteBytes)
        .containsExactly(OptionalLong.of(4500), OptionalLong.of(4500), OptionalLong.empty());
  }

  @Test
  void aQuietTopicHasZeroRates() {
    var logs = Map.of(ORDERS_0, new LogState(10, 7, true));
    var counters = Map.of("orders", new TopicCounters(500, 500, OptionalLong.empty()));

    PartitionSample sample =
        LoadSampler.samples(snapshot(0, logs, counters), snapshot(SECOND, logs, counters)).get(0);

    assertThat(sample.bytesInPerSecond()).isZero();
    assertThat(sample.bytesOutPerSecond()).isZero();
  }

  private static MetricsSnapshot snapshot(
      long nanos, Map<TopicPartition, LogState> logs, Map<String, TopicCounters> topics) {
    return new MetricsSnapshot(nanos, 1_700_000_000_000L + nanos / 1_000_000, true, logs, topics);
  }
}
