package io.stratus.cli.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link ContinuousLoad} found when it stopped: what was sent, acknowledged, lost and
 * duplicated, and how long acknowledgements took in each phase.
 *
 * @param delivery the ledger's counts once the producer had flushed and the consumer had drained
 * @param readToEnd whether the consumer reached the end of every partition, as it stood once the
 *     producer had flushed, before the drain timeout; if not, {@code lost} may count records that
 *     were merely not read yet, and if so, {@code lost} records are gone from the log
 * @param consumerErrors errors the consumer's poll loop met and rode out
 * @param firstConsumerError the first of those, if any
 * @param latencies acknowledgement latency measured by the harness (send call to callback), per
 *     phase in the order the phases began
 * @param producerLatencies the producer's own request-latency metrics, per phase
 */
record LoadReport(
    SequenceLedger.Tally delivery,
    boolean readToEnd,
    long consumerErrors,
    Optional<String> firstConsumerError,
    Map<String, PhaseLatency> latencies,
    Map<String, ProducerLatency> producerLatencies) {

  LoadReport {
    latencies = Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
    producerLatencies = Collections.unmodifiableMap(new LinkedHashMap<>(producerLatencies));
  }

  long sent() {
    return delivery.sent();
  }

  long acknowledged() {
    return delivery.acknowledged();
  }

  long failedSends() {
    return delivery.failedSends();
  }

  /** Acknowledged but never read. */
  long lost() {
    return delivery.lost();
  }

  /** Read more than once, acknowledged or not. */
  long duplicated() {
    return delivery.duplicated();
  }

  /** Read although the send was never acknowledged: written despite a failed send; not a loss. */
  long unacknowledgedButRead() {
    return delivery.unacknowledgedButRead();
  }

  Optional<String> firstFailure() {
    return delivery.firstFailure();
  }

  /** The harness's latency for {@code phase}; {@link PhaseLatency#NONE} if it had no sample. */
  PhaseLatency latency(String phase) {
    return latencies.getOrDefault(phase, PhaseLatency.NONE);
  }

  /** The producer's own metrics for {@code phase}; {@link ProducerLatency#NONE} if not sampled. */
  ProducerLatency producerLatency(String phase) {
    return producerLatencies.getOrDefault(phase, ProducerLatency.NONE);
  }

  /** One line for logs and notes: counts, then latency per phase, then the first failure. */
  String describe() {
    StringBuilder line =
        new StringBuilder()
            .append("sent ")
            .append(sent())
            .append(", acknowledged ")
            .append(acknowledged())
            .append(", failed ")
            .append(failedSends())
            .append(", pending ")
            .append(delivery.pending())
            .append(", read ")
            .append(delivery.readDistinct())
            .append(" distinct, lost ")
            .append(lost())
            .append(examples(delivery.lostExamples(), lost()))
            .append(", duplicated ")
            .append(duplicated())
            .append(examples(delivery.duplicatedExamples(), duplicated()))
            .append(", read but unacknowledged ")
            .append(unacknowledgedButRead());
    if (!readToEnd) {
      line.append(" (consumer did not reach the end before the drain timeout)");
    }
    Set<String> phases = new LinkedHashSet<>(latencies.keySet());
    phases.addAll(producerLatencies.keySet());
    List<String> perPhase = new ArrayList<>();
    for (String phase : phases) {
      perPhase.add(
          phase
              + ": "
              + latency(phase).describe()
              + ", producer "
              + producerLatency(phase).describe());
    }
    line.append("; latency ").append(perPhase.isEmpty() ? "none" : String.join("; ", perPhase));
    line.append("; first failure: ").append(firstFailure().orElse("none"));
    if (consumerErrors > 0) {
      line.append("; consumer errors ")
          .append(consumerErrors)
          .append(", first: ")
          .append(firstConsumerError.orElse("?"));
    }
    return line.toString();
  }

  private static String examples(List<Long> examples, long total) {
    if (examples.isEmpty()) {
      return "";
    }
    return " " + examples + (total > examples.size() ? "…" : "");
  }
}
