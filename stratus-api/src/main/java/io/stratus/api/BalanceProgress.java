package io.stratus.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the execution of one plan has come.
 *
 * @param planId the plan being carried out ({@link PlanSummary#planId()})
 * @param phase what the executor is doing, e.g. {@code moving replicas}, {@code moving leaders}
 * @param partitionsTotal partitions whose replicas the plan moves
 * @param partitionsDone of those, the ones whose move has finished
 * @param leadersTotal partitions whose leader the plan changes
 * @param leadersDone of those, the ones whose leader has changed
 * @param bytesTotal bytes all replica moves copy
 * @param bytesDone bytes copied so far
 * @param percent how much of the plan is done, 0 to 100 (values outside are clamped)
 * @param inFlight the reassignments Kafka is carrying out now, at most {@link #MAX_IN_FLIGHT}
 * @param startedAt when execution started
 * @param finishedAt when execution ended (done, stopped or failed); absent while it runs
 */
public record BalanceProgress(
    String planId,
    String phase,
    int partitionsTotal,
    int partitionsDone,
    int leadersTotal,
    int leadersDone,
    long bytesTotal,
    long bytesDone,
    int percent,
    List<PartitionReassignment> inFlight,
    Instant startedAt,
    Optional<Instant> finishedAt) {

  /** The most in-flight reassignments a progress report lists. */
  public static final int MAX_IN_FLIGHT = 50;

  public BalanceProgress {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(startedAt, "startedAt");
    phase = phase == null ? "" : phase;
    percent = Math.max(0, Math.min(100, percent));
    inFlight =
        inFlight == null
            ? List.of()
            : List.copyOf(inFlight.subList(0, Math.min(MAX_IN_FLIGHT, inFlight.size())));
    finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
  }
}
