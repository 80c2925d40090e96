package io.stratus.cli.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every acknowledgement latency a {@link ContinuousLoad} measured, kept per phase label so that
 * "before", "during" and "after" an operation can be compared. Phases keep the order in which their
 * first sample arrived.
 *
 * <p>Thread-safe: every method synchronizes on this object. Samples arrive on the producer's I/O
 * thread and summaries are taken on the test thread. Memory is 8 bytes a sample (a million samples
 * is 8 MB), which suits runs of minutes at hundreds of records a second.
 */
final class LatencySamples {

  private final Map<String, long[]> samples = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** Adds one latency, in nanoseconds, to {@code phase}. */
  synchronized void record(String phase, long nanos) {
    long[] phaseSamples = samples.computeIfAbsent(phase, p -> new long[1024]);
    int count = counts.getOrDefault(phase, 0);
    if (count == phaseSamples.length) {
      phaseSamples = Arrays.copyOf(phaseSamples, count * 2);
      samples.put(phase, phaseSamples);
    }
    phaseSamples[count] = nanos;
    counts.put(phase, count + 1);
  }

  /** The summary of {@code phase}; {@link PhaseLatency#NONE} for a phase with no sample. */
  synchronized PhaseLatency latency(String phase) {
    long[] phaseSamples = samples.get(phase);
    if (phaseSamples == null) {
      return PhaseLatency.NONE;
    }
    return PhaseLatency.of(Arrays.copyOf(phaseSamples, counts.get(phase)));
  }

  /** Every phase with a sample, in the order of their first sample. */
  synchronized List<String> phases() {
    return List.copyOf(samples.keySet());
  }

  /** The summary of every phase with a sample, in the order of their first sample. */
  synchronized Map<String, PhaseLatency> all() {
    Map<String, PhaseLatency> all = new LinkedHashMap<>();
    for (String phase : samples.keySet()) {
      all.put(phase, latency(phase));
    }
    return Collections.unmodifiableMap(all);
  }
}
