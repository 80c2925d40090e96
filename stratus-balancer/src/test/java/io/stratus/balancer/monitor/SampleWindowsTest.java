package io.stratus.balancer.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SampleWindowsTest {

  private static final long MINUTE = 60_000;

  /** A window boundary, so that test times read as "window n, second s". */
  private static final long T0 = 28_333_333 * MINUTE;

  private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

  private final SampleWindows windows = new SampleWindows(5, Duration.ofMinutes(1), T0);

  @Test
  void aPartitionsRateIsTheMeanOfItsCompletedWindowsMeans() {
    // Window 0: samples of 100 and 300 (mean 200); window 1: 400; window 2: 600.
    add(at(0, 10), 100, 10);
    add(at(0, 40), 300, 30);
    add(at(1, 10), 400, 40);
    add(at(2, 10), 600, 60);

    SampleWindows.Rates rates = windows.rates(ORDERS_0, at(3, 0));

    assertThat(rates.bytesInPerSecond()).isCloseTo((200 + 400 + 600) / 3.0, within(1e-9));
    assertThat(rates.bytesOutPerSecond()).isCloseTo((20 + 40 + 60) / 3.0, within(1e-9));
    assertThat(rates.windows()).isEqualTo(3);
  }

  @Test
  void oneSpikeMovesTheRateByAFractionOnly() {
    for (int window = 0; window < 5; window++) {
      for (int second = 0; second < 60; second += 10) {
        boolean spike = window == 2 && second == 30;
        add(at(window, second), spike ? 100_000 : 1000, 0);
      }
    }

    double rate = windows.rates(ORDERS_0, at(5, 1)).bytesInPerSecond();

    // The spike window's mean is (5 x 1000 + 100000) / 6 = 17500; over five windows, 4300.
    assertThat(rate).isCloseTo((4 * 1000 + 17_500) / 5.0, within(1e-9));
    assertThat(rate)
        .as("a 100x spike in one sample of thirty moves the rate by about 4x, not 100x")
        .isLessThan(5000);
  }

  @Test
  void theCurrentWindowDoesNotCountUntilItCompletes() {
    add(at(0, 10), 1000, 0);
    add(at(1, 5), 1_000_000, 0);

    assertThat(windows.rates(ORDERS_0, at(1, 50)).bytesInPerSecond()).isEqualTo(1000.0);
    assertThat(windows.rates(ORDERS_0, at(2, 0)).bytesInPerSecond())
        .isCloseTo((1000 + 1_000_000) / 2.0, within(1e-9));
  }

  @Test
  void windowsOlderThanTheLastFiveStopCounting() {
    add(at(0, 10), 9000, 0);
    for (int window = 1; window <= 5; window++) {
      add(at(window, 10), 1000, 0);
    }

    assertThat(windows.rates(ORDERS_0, at(6, 0)).bytesInPerSecond()).isEqualTo(1000.0);
    assertThat(windows.rates(ORDERS_0, at(6, 0)).windows()).isEqualTo(5);
  }

  @Test
  void samplesOlderThanTheWindowsInUseOrFromTheFutureAreDropped() {
    assertThat(windows.add(sample(at(0, 10), true, 500), at(6, 0)))
        .as("window 0 is out of the five in use at window 6")
        .isFalse();
    assertThat(windows.add(sample(at(7, 0), true, 500), at(6, 59))).as("from the future").isFalse();
    assertThat(windows.add(sample(at(1, 0), true, 500), at(6, 0))).as("late but in use").isTrue();

    assertThat(windows.rates(ORDERS_0, at(6, 0)).bytesInPerSecond()).isEqualTo(500.0);
  }

  @Test
  void onlyLeadersCarryRatesButAnyReplicaGivesTheLatestSize() {
    windows.add(sample(at(0, 10), false, 999), at(0, 10));

    assertThat(windows.rates(ORDERS_0, at(1, 0))).isEqualTo(SampleWindows.Rates.NONE);
    assertThat(windows.latest(ORDERS_0)).hasValueSatisfying(s -> assertThat(s.leader()).isFalse());

    windows.add(sample(at(0, 20), true, 5), at(0, 20));
    windows.add(sample(at(0, 30), false, 0), at(0, 30));

    assertThat(windows.latest(ORDERS_0))
        .as("the leader's sample is kept over a later follower's")
        .hasValueSatisfying(s -> assertThat(s.timestampMs()).isEqualTo(at(0, 20)));
  }

  @Test
  void readinessCountsWholeWindowsSinceTheStart() {
    var started = new SampleWindows(5, Duration.ofMinutes(1), at(0, 30));

    assertThat(started.completedWindows(at(0, 59))).isZero();
    assertThat(started.completedWindows(at(1, 59)))
        .as("the window the monitor started in was seen in part only")
        .isZero();
    assertThat(started.completedWindows(at(2, 0))).isEqualTo(1);
    assertThat(started.completedWindows(at(4, 0))).isEqualTo(3);
  }

  @Test
  void aPartitionWithoutSamplesHasZeroRates() {
    assertThat(windows.rates(new TopicPartition("new-topic", 0), at(3, 0)))
        .isEqualTo(SampleWindows.Rates.NONE);
    assertThat(windows.latest(new TopicPartition("new-topic", 0))).isEmpty();
  }

  @Test
  void deletedAndSilentPartitionsAreForgotten() {
    var other = new TopicPartition("gone", 0);
    add(at(0, 10), 100, 0);
    windows.add(
        new PartitionLoadSample(1, at(0, 10), "gone", 0, true, 1, 1, 1, 1, OptionalLong.empty()),
        at(0, 10));

    windows.retainOnly(Set.of(ORDERS_0), at(1, 0));
    assertThat(windows.latest(other)).isEmpty();
    assertThat(windows.latest(ORDERS_0)).isPresent();

    windows.retainOnly(Set.of(ORDERS_0), at(6, 0));
    assertThat(windows.partitions()).as("no sample in the five windows in use").isZero();
  }

  private void add(long timestampMs, double bytesIn, double bytesOut) {
    windows.add(
        new PartitionLoadSample(
            0, timestampMs, "orders", 0, true, 10, 10, bytesIn, bytesOut, OptionalLong.empty()),
        timestampMs);
  }

  private static PartitionLoadSample sample(long timestampMs, boolean leader, double bytesIn) {
    return new PartitionLoadSample(
        leader ? 0 : 1, timestampMs, "orders", 0, leader, 10, 10, bytesIn, 0, OptionalLong.empty());
  }

  private static long at(int window, int second) {
    return T0 + window * MINUTE + second * 1000L;
  }
}
