package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailabilityTrackerTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private final AvailabilityTracker tracker = new AvailabilityTracker(START, 3);

  @Test
  void aRollingRestartTakesOneBrokerAtATime() {
    tracker.sampled(at(0), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(200), Set.of(1, 2), Set.of(0));
    tracker.sampled(at(400), Set.of(1, 2), Set.of());
    tracker.sampled(at(600), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(800), Set.of(0, 2), Set.of(1));
    tracker.sampled(at(1000), Set.of(0, 1, 2), Set.of());

    assertThat(tracker.maxDown()).isEqualTo(1);
    assertThat(tracker.down()).isZero();
    assertThat(tracker.samples()).isEqualTo(6);
    assertThat(tracker.changes())
        .extracting(AvailabilityTracker.Change::describe)
        .containsExactly(
            "+0.0s 0 down: unfenced [0, 1, 2], fenced [], expected 3",
            "+0.2s 1 down: unfenced [1, 2], fenced [0], expected 3",
            "+0.4s 1 down: unfenced [1, 2], fenced [], expected 3",
            "+0.6s 0 down: unfenced [0, 1, 2], fenced [], expected 3",
            "+0.8s 1 down: unfenced [0, 2], fenced [1], expected 3",
            "+1.0s 0 down: unfenced [0, 1, 2], fenced [], expected 3");
    assertThat(tracker.maxDownChange())
        .get()
        .extracting(c -> c.sinceStart())
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void twoBrokersMissingTogetherCountAsTwo() {
    tracker.sampled(at(0), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(200), Set.of(2), Set.of(0));

    assertThat(tracker.maxDown()).isEqualTo(2);
  }

  @Test
  void unchangedSamplesAddNoChange() {
    tracker.sampled(at(0), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(200), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(400), Set.of(2, 1, 0), Set.of());

    assertThat(tracker.changes()).hasSize(1);
    assertThat(tracker.samples()).isEqualTo(3);
  }

  @Test
  void failedSamplesAreCountedApartAndNeverTakenForBrokersDown() {
    tracker.sampled(at(0), Set.of(0, 1, 2), Set.of());
    tracker.samplingFailed(at(200), "TimeoutException: Timed out waiting for a node assignment");
    tracker.samplingFailed(at(2200), "TimeoutException: Timed out waiting for a node assignment");
    tracker.sampled(at(4200), Set.of(0, 1, 2), Set.of());

    assertThat(tracker.maxDown()).as("a failed sample says nothing about the brokers").isZero();
    assertThat(tracker.samplingErrors()).isEqualTo(2);
    assertThat(tracker.firstSamplingError()).get().asString().startsWith("TimeoutException");
    assertThat(tracker.changes())
        .extracting(AvailabilityTracker.Change::what)
        .containsExactly(
            "unfenced [0, 1, 2], fenced [], expected 3",
            "sampling failed: TimeoutException: Timed out waiting for a node assignment",
            "sampling recovered after 2 failed samples");
  }

  @Test
  void anExpansionCountsAgainstTheNewBrokerCountOnceExpected() {
    tracker.sampled(at(0), Set.of(0, 1, 2), Set.of());
    tracker.sampled(at(200), Set.of(0, 1, 2), Set.of(3));
    tracker.sampled(at(400), Set.of(0, 1, 2, 3), Set.of());
    tracker.expect(at(500), 4);
    tracker.sampled(at(600), Set.of(0, 2, 3), Set.of(1));

    assertThat(tracker.maxDown()).as("broker 1 restarting after broker 3 joined").isEqualTo(1);
    assertThat(tracker.changes())
        .extracting(AvailabilityTracker.Change::what)
        .contains("expected 3 -> 4 brokers");
  }

  @Test
  void aShrinkDoesNotCountTheLeavingBrokerOnceFewerAreExpected() {
    AvailabilityTracker four = new AvailabilityTracker(START, 4);
    four.sampled(at(0), Set.of(0, 1, 2, 3), Set.of());
    four.expect(at(100), 3);
    four.sampled(at(200), Set.of(0, 1, 2), Set.of());

    assertThat(four.maxDown()).isZero();
    assertThat(four.describe()).startsWith("max 0 of 3 brokers down");
  }

  private static Instant at(long millis) {
    return START.plusMillis(millis);
  }
}
