package io.stratus.cli.platform;

import java.util.Locale;

/**
 * The producer's own view of its request latency during one phase, from its {@code
 * producer-metrics} group, sampled about once a second while the phase lasted: the mean of the
 * sampled {@code request-latency-avg} and the largest sampled {@code request-latency-max}, in
 * milliseconds. The client computes both over its metrics window, which {@link ContinuousLoad} sets
 * to the last 1 to 2 seconds, so a sample can still reflect up to 2 seconds of the phase before;
 * the harness's own callback latencies ({@link PhaseLatency}) are exact per phase.
 *
 * @param samples how many samples had a value (the client reports NaN before its first request)
 */
record ProducerLatency(
    int samples, double requestLatencyAvgMillis, double requestLatencyMaxMillis) {

  /** No sample with a value. */
  static final ProducerLatency NONE = new ProducerLatency(0, Double.NaN, Double.NaN);

  /** One sample; {@link #NONE} if either metric has no value yet. */
  static ProducerLatency sample(double requestLatencyAvg, double requestLatencyMax) {
    if (Double.isNaN(requestLatencyAvg) || Double.isNaN(requestLatencyMax)) {
      return NONE;
    }
    return new ProducerLatency(1, requestLatencyAvg, requestLatencyMax);
  }

  /** Both sets of samples together: a weighted mean of the averages, the larger maximum. */
  ProducerLatency plus(ProducerLatency other) {
    if (other.samples == 0) {
      return this;
    }
    if (samples == 0) {
      return other;
    }
    int total = samples + other.samples;
    return new ProducerLatency(
        total,
        (requestLatencyAvgMillis * samples + other.requestLatencyAvgMillis * other.samples) / total,
        Math.max(requestLatencyMaxMillis, other.requestLatencyMaxMillis));
  }

  /** For logs: {@code request-latency avg 1.9ms max 10.0ms (12 samples)}. */
  String describe() {
    if (samples == 0) {
      return "request-latency: no sample";
    }
    return String.format(
        Locale.ROOT,
        "request-latency avg %.1fms max %.1fms (%d samples)",
        requestLatencyAvgMillis,
        requestLatencyMaxMillis,
        samples);
  }
}
