package io.stratus.balancer.executor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the execution of a balance plan has come. Replica moves are partitions whose set of
 * brokers changes; leadership moves are partitions whose planned leader differs from the leader
 * they had. A partition can be both.
 *
 * @param planId the plan's id; {@link PlanExecutor#ADOPTED_PLAN_ID} for reassignments found running
 *     by {@link PlanExecutor#recover()}, empty when idle
 * @param phase where the execution stands
 * @param replicaMovesTotal partitions of the plan whose brokers change
 * @param replicaMovesDone of those, the ones whose reassignment has completed
 * @param leadershipMovesTotal partitions of the plan whose leader changes
 * @param leadershipMovesDone of those, the ones led by their planned leader
 * @param partitionsSkipped partitions left alone because they no longer exist or their replicas are
 *     not what the plan started from (the cluster changed since planning)
 * @param bytesTotal bytes the replica moves copy, as the plan estimated them
 * @param bytesDone bytes of the completed replica moves
 * @param inFlightCount replica moves under way (reassignments that only reorder replicas end at
 *     once and are not counted)
 * @param inFlight the first of them, at most {@link ExecutorSettings#inFlightShown()}
 * @param percentDone 0 to 100: bytes of completed or skipped moves over all bytes; by partitions
 *     when the plan copies no bytes (only leaders or replica order change)
 * @param started when the execution started (or was adopted), empty when idle
 * @param finished when it ended, empty until then
 * @param message what the executor is doing, in words for a user
 * @param lastError the last thing that went wrong, if anything did; an execution can recover from
 *     it (a cluster briefly unreachable) unless {@code phase} is {@link ExecutionPhase#FAILED}
 */
public record ExecutionProgress(
    String planId,
    ExecutionPhase phase,
    int replicaMovesTotal,
    int replicaMovesDone,
    int leadershipMovesTotal,
    int leadershipMovesDone,
    int partitionsSkipped,
    long bytesTotal,
    long bytesDone,
    int inFlightCount,
    List<InFlightMove> inFlight,
    double percentDone,
    Optional<Instant> started,
    Optional<Instant> finished,
    String message,
    Optional<String> lastError) {

  public ExecutionProgress {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(lastError, "lastError");
    inFlight = List.copyOf(inFlight);
  }

  /** The progress of an executor that has nothing to do. */
  public static ExecutionProgress idle() {
    return new ExecutionProgress(
        "",
        ExecutionPhase.IDLE,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        0,
        Optional.empty(),
        Optional.empty(),
        "no balance plan is running",
        Optional.empty());
  }
}
