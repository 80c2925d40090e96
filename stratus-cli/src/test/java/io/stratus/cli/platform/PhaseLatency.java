package io.stratus.cli.platform;

import java.util.Arrays;
import java.util.Locale;

/**
 * Acknowledgement latency of the records sent during one phase of a {@link ContinuousLoad}: how
 * many, the median, the 99th percentile and the maximum, in milliseconds. Percentiles are exact
 * (nearest rank on the sorted samples), not estimated from buckets.
 */
record PhaseLatency(long count, double p50Millis, double p99Millis, double maxMillis) {

  /** No samples: every figure is zero. */
  static final PhaseLatency NONE = new PhaseLatency(0, 0, 0, 0);

  /** The summary of {@code nanos}, one latency per record, in any order. */
  static PhaseLatency of(long[] nanos) {
    if (nanos.length == 0) {
      return NONE;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new PhaseLatency(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  /**
   * The nearest-rank percentile of {@code sorted} (ascending, not empty): the smallest sample with
   * at least {@code percent}% of the samples at or below it.
   */
  static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a percentile of no samples is undefined");
    }
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** For logs: {@code n=1000 p50=2.1ms p99=8.0ms max=12.3ms}. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.1fms p99=%.1fms max=%.1fms",
        count,
        p50Millis,
        p99Millis,
        maxMillis);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
