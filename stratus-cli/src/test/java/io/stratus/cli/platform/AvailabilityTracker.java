package io.stratus.cli.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How many of a cluster's brokers were missing, sample by sample: the largest number missing at
 * once, and each change of which brokers were registered and unfenced, with its time. A broker is
 * missing when it is not registered or is fenced; {@code down} is the expected broker count less
 * the unfenced brokers seen (never below zero). The pure core of {@link BrokerAvailabilityWatch},
 * tested on constructed samples.
 *
 * <p>A failed sample (an Admin call that timed out while a broker restarted) says nothing about the
 * brokers: it is counted apart and never taken for "all down". The tracker keeps at most {@link
 * #MAX_CHANGES} changes.
 *
 * <p>Thread-safe: every method synchronizes on the tracker (the watch's sampling thread writes, the
 * test thread reads).
 */
final class AvailabilityTracker {

  static final int MAX_CHANGES = 1000;

  /**
   * One change, for the log.
   *
   * @param at when the sample that showed it was taken
   * @param sinceStart how long after the tracker started
   * @param down brokers missing after the change
   * @param what what changed: the brokers seen, the expectation, or sampling failing or recovering
   */
  record Change(Instant at, Duration sinceStart, int down, String what) {

    /** {@code +12.3s 1 down: unfenced [0, 2], fenced [1], expected 3}. */
    String describe() {
      return String.format(
          Locale.ROOT, "+%.1fs %d down: %s", sinceStart.toMillis() / 1000.0, down, what);
    }
  }

  private final Instant startedAt;
  private int expected;
  private SortedSet<Integer> unfenced = new TreeSet<>();
  private SortedSet<Integer> fenced = new TreeSet<>();
  private boolean sampledOnce;
  private int down;
  private int maxDown;
  private Optional<Change> maxDownChange = Optional.empty();
  private long samples;
  private long samplingErrors;
  private long failingInARow;
  private Optional<String> firstSamplingError = Optional.empty();
  private final List<Change> changes = new ArrayList<>();

  AvailabilityTracker(Instant startedAt, int expectedBrokers) {
    requireBrokers(expectedBrokers);
    this.startedAt = startedAt;
    this.expected = expectedBrokers;
  }

  /**
   * From now on the cluster should have {@code brokers} brokers. Takes effect from the next sample:
   * for an expansion, call it once the new broker is meant to be serving; for a shrink, once the
   * leaving broker is meant to be gone.
   */
  synchronized void expect(Instant at, int brokers) {
    requireBrokers(brokers);
    if (brokers != expected) {
      int before = expected;
      expected = brokers;
      change(at, "expected " + before + " -> " + brokers + " brokers");
    }
  }

  /** A sample that succeeded: the registered brokers, split into unfenced and fenced. */
  synchronized void sampled(Instant at, Set<Integer> unfencedBrokers, Set<Integer> fencedBrokers) {
    samples++;
    if (failingInARow > 0) {
      change(at, "sampling recovered after " + failingInARow + " failed samples");
      failingInARow = 0;
    }
    SortedSet<Integer> nowUnfenced = new TreeSet<>(unfencedBrokers);
    SortedSet<Integer> nowFenced = new TreeSet<>(fencedBrokers);
    int nowDown = Math.max(0, expected - nowUnfenced.size());
    boolean changed =
        !sampledOnce
            || !nowUnfenced.equals(unfenced)
            || !nowFenced.equals(fenced)
            || nowDown != down;
    sampledOnce = true;
    unfenced = nowUnfenced;
    fenced = nowFenced;
    down = nowDown;
    if (changed) {
      Change change =
          change(at, "unfenced " + unfenced + ", fenced " + fenced + ", expected " + expected);
      if (down > maxDown || maxDownChange.isEmpty()) {
        maxDownChange = Optional.of(change);
      }
    }
    maxDown = Math.max(maxDown, down);
  }

  /** A sample that failed with {@code reason}; says nothing about which brokers are up. */
  synchronized void samplingFailed(Instant at, String reason) {
    samplingErrors++;
    if (firstSamplingError.isEmpty()) {
      firstSamplingError = Optional.of(reason);
    }
    if (failingInARow++ == 0) {
      change(at, "sampling failed: " + reason);
    }
  }

  /** The most brokers missing at once in any successful sample. */
  synchronized int maxDown() {
    return maxDown;
  }

  /** The change at which {@link #maxDown()} was first reached; empty before the first sample. */
  synchronized Optional<Change> maxDownChange() {
    return maxDownChange;
  }

  /** Brokers missing in the latest successful sample. */
  synchronized int down() {
    return down;
  }

  /** Successful samples. */
  synchronized long samples() {
    return samples;
  }

  /** Failed samples. */
  synchronized long samplingErrors() {
    return samplingErrors;
  }

  synchronized Optional<String> firstSamplingError() {
    return firstSamplingError;
  }

  /** Every change so far, oldest first (at most {@link #MAX_CHANGES}). */
  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** One line: the worst moment, the sampling, and how many changes. */
  synchronized String describe() {
    return "max "
        + maxDown
        + " of "
        + expected
        + " brokers down"
        + maxDownChange.map(c -> " (first at " + c.describe() + ")").orElse(" (never sampled)")
        + "; "
        + samples
        + " samples, "
        + samplingErrors
        + " sampling errors"
        + firstSamplingError.map(e -> " (first: " + e + ")").orElse("")
        + "; "
        + changes.size()
        + " changes";
  }

  private Change change(Instant at, String what) {
    Change change = new Change(at, Duration.between(startedAt, at), down, what);
    if (changes.size() < MAX_CHANGES) {
      changes.add(change);
    }
    return change;
  }

  private static void requireBrokers(int brokers) {
    if (brokers <= 0) {
      throw new IllegalArgumentException("expected brokers must be positive, was " + brokers);
    }
  }
}
