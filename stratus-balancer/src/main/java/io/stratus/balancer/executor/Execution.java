package io.stratus.balancer.executor;

import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.PartitionMove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The state of one execution of a plan: which moves wait, which are in flight, which are settled,
 * and what is left to clean up once it ends. Changes only through its methods, which the {@link
 * PlanExecutor} calls as the cluster answers; no I/O. Not thread-safe.
 */
final class Execution {

  private final String planId;
  private final boolean adopted;
  private final Instant started;
  private final Map<TopicPartition, PartitionMove> moves = new LinkedHashMap<>();
  private final List<PartitionMove> pending = new ArrayList<>();
  private final Map<TopicPartition, PartitionMove> inFlight = new LinkedHashMap<>();
  private final List<TopicPartition> leadersPending = new ArrayList<>();
  private final Set<TopicPartition> settled = new HashSet<>();
  private final Set<TopicPartition> skipped = new HashSet<>();
  private final Set<TopicPartition> reassigned = new HashSet<>();
  private final Map<TopicPartition, Integer> failedAttempts = new HashMap<>();
  private final Set<Integer> throttledBrokers = new LinkedHashSet<>();
  private final Set<String> throttledTopics = new LinkedHashSet<>();
  private final Set<TopicPartition> toCancel = new LinkedHashSet<>();
  private ExecutionPhase phase = ExecutionPhase.MOVING_REPLICAS;
  private int replicaMovesDone;
  private int leadershipMovesDone;
  private long bytesDone;
  private long bytesSkipped;
  private int cancelled;
  private boolean throttlesToRemove;
  private Optional<Instant> finished = Optional.empty();
  private Optional<String> failure = Optional.empty();
  private Optional<String> lastError = Optional.empty();

  private Execution(String planId, boolean adopted, Instant started, List<PartitionMove> moves) {
    this.planId = planId;
    this.adopted = adopted;
    this.started = started;
    for (PartitionMove move : moves) {
      TopicPartition partition = partitionOf(move);
      if (this.moves.put(partition, move) != null) {
        throw new IllegalArgumentException(
            "plan " + planId + " moves " + partition + " twice; a plan has one move per partition");
      }
    }
    for (PartitionMove move : MoveScheduler.order(moves)) {
      if (!move.oldReplicas().equals(move.newReplicas())) {
        pending.add(move);
      } else if (!move.movesLeadership()) {
        settled.add(partitionOf(move));
      }
    }
  }

  /** An execution of {@code plan} that starts now. */
  static Execution of(String planId, BalancePlan plan, Instant now) {
    return new Execution(planId, false, now, plan.moves());
  }

  /**
   * An execution that takes over reassignments found running: each is in flight towards its target,
   * and its preferred leader is elected once it completes. What it copies is unknown.
   */
  static Execution adopt(
      String planId, Map<TopicPartition, OngoingReassignment> ongoing, Instant now) {
    List<PartitionMove> moves = new ArrayList<>();
    ongoing.forEach(
        (partition, reassignment) ->
            moves.add(
                new PartitionMove(
                    partition.topic(),
                    partition.partition(),
                    reassignment.origin(),
                    reassignment.target(),
                    -1,
                    0)));
    Execution execution = new Execution(planId, true, now, moves);
    for (PartitionMove move : List.copyOf(execution.pending)) {
      execution.launched(partitionOf(move));
    }
    return execution;
  }

  static TopicPartition partitionOf(PartitionMove move) {
    return new TopicPartition(move.topic(), move.partition());
  }

  String planId() {
    return planId;
  }

  /** Whether the execution took over reassignments it did not start, after a restart. */
  boolean adopted() {
    return adopted;
  }

  ExecutionPhase phase() {
    return phase;
  }

  PartitionMove move(TopicPartition partition) {
    return moves.get(partition);
  }

  /** The moves not yet started, in the order they start. */
  List<PartitionMove> pending() {
    return List.copyOf(pending);
  }

  Map<TopicPartition, PartitionMove> inFlight() {
    return Map.copyOf(inFlight);
  }

  /** The moves in flight that copy data for {@code topic}. */
  List<PartitionMove> inFlightCopies(String topic) {
    return inFlight.values().stream()
        .filter(move -> move.topic().equals(topic) && move.movesReplicas())
        .toList();
  }

  /** The partitions still to be led by their planned leader, in order. */
  List<TopicPartition> leadersPending() {
    return List.copyOf(leadersPending);
  }

  /** The reassignment of {@code partition} has been accepted by the cluster. */
  void launched(TopicPartition partition) {
    PartitionMove move = moves.get(partition);
    pending.remove(move);
    inFlight.put(partition, move);
  }

  /** The partition has its planned replica list. */
  void reassigned(TopicPartition partition) {
    PartitionMove move = moves.get(partition);
    pending.remove(move);
    inFlight.remove(partition);
    if (reassigned.add(partition) && move.movesReplicas()) {
      replicaMovesDone++;
      bytesDone += move.bytesToMove();
    }
    if (!move.movesLeadership()) {
      settled.add(partition);
    }
  }

  /** The partition is left alone: it is gone, or not what the plan started from. */
  void skip(TopicPartition partition) {
    PartitionMove move = moves.get(partition);
    pending.remove(move);
    inFlight.remove(partition);
    leadersPending.remove(partition);
    if (skipped.add(partition) && move.movesReplicas() && !reassigned.contains(partition)) {
      bytesSkipped += move.bytesToMove();
    }
    settled.add(partition);
  }

  /** Counts a refused attempt at the partition's current step and returns how many there were. */
  int refused(TopicPartition partition) {
    return failedAttempts.merge(partition, 1, Integer::sum);
  }

  /** Every reassignment is over; the planned leaders are elected next. */
  void startLeaderPhase() {
    phase = ExecutionPhase.MOVING_LEADERS;
    failedAttempts.clear();
    for (PartitionMove move : moves.values()) {
      TopicPartition partition = partitionOf(move);
      if (move.movesLeadership() && !skipped.contains(partition)) {
        leadersPending.add(partition);
      }
    }
  }

  /** The partition is led by its planned leader. */
  void elected(TopicPartition partition) {
    if (leadersPending.remove(partition)) {
      leadershipMovesDone++;
      settled.add(partition);
    }
  }

  /** Remembers a broker this execution set a replication rate on. */
  void throttledBroker(int broker) {
    throttledBrokers.add(broker);
    throttlesToRemove = true;
  }

  /** Remembers whether a topic carries throttled replicas this execution set. */
  void throttledTopic(String topic, boolean throttled) {
    if (throttled) {
      throttledTopics.add(topic);
      throttlesToRemove = true;
    } else {
      throttledTopics.remove(topic);
    }
  }

  Set<Integer> throttledBrokers() {
    return Set.copyOf(throttledBrokers);
  }

  Set<String> throttledTopics() {
    return Set.copyOf(throttledTopics);
  }

  /**
   * Ends the execution. A stopped or failed one cancels its moves in flight; every ending removes
   * the throttles.
   */
  void end(ExecutionPhase ending, Instant now, Optional<String> reason) {
    if (!ending.ended()) {
      throw new IllegalArgumentException(ending + " does not end an execution");
    }
    phase = ending;
    finished = Optional.of(now);
    failure = reason;
    reason.ifPresent(r -> lastError = Optional.of(r));
    if (ending != ExecutionPhase.DONE) {
      toCancel.addAll(inFlight.keySet());
    }
    pending.clear();
    leadersPending.clear();
    // An adopted execution removes whatever throttles it finds, since it does not know who set
    // them.
    throttlesToRemove = throttlesToRemove || adopted;
  }

  /** The in-flight moves still to be cancelled. */
  Set<TopicPartition> toCancel() {
    return Set.copyOf(toCancel);
  }

  /** The partition's reassignment was reverted, or had already ended ({@code completedFirst}). */
  void cancelled(TopicPartition partition, boolean completedFirst) {
    if (!toCancel.remove(partition)) {
      return;
    }
    if (completedFirst) {
      reassigned(partition);
    } else {
      inFlight.remove(partition);
      cancelled++;
    }
  }

  /** The partition's reassignment could not be cancelled; it runs on without the executor. */
  void notCancelled(TopicPartition partition) {
    toCancel.remove(partition);
    inFlight.remove(partition);
  }

  boolean throttlesToRemove() {
    return throttlesToRemove;
  }

  void throttlesRemoved() {
    throttlesToRemove = false;
    throttledBrokers.clear();
    throttledTopics.clear();
  }

  /** Whether the execution has ended but has not yet cancelled its moves or removed throttles. */
  boolean cleanupPending() {
    return phase.ended() && (!toCancel.isEmpty() || throttlesToRemove);
  }

  void recordError(String error) {
    lastError = Optional.of(error);
  }

  /** How far the execution has come, listing at most {@code shown} moves in flight. */
  ExecutionProgress progress(int shown) {
    Collection<PartitionMove> all = moves.values();
    int replicaMovesTotal = (int) all.stream().filter(PartitionMove::movesReplicas).count();
    int leadershipMovesTotal = (int) all.stream().filter(PartitionMove::movesLeadership).count();
    long bytesTotal =
        all.stream()
            .filter(PartitionMove::movesReplicas)
            .mapToLong(PartitionMove::bytesToMove)
            .sum();
    double percent;
    if (phase == ExecutionPhase.DONE) {
      percent = 100;
    } else if (bytesTotal > 0) {
      percent = 100.0 * (bytesDone + bytesSkipped) / bytesTotal;
    } else {
      percent = all.isEmpty() ? 0 : 100.0 * settled.size() / all.size();
    }
    // Reorders are reassignments too, but copy nothing and end at once; a user counts copies.
    List<PartitionMove> copying =
        inFlight.values().stream().filter(PartitionMove::movesReplicas).toList();
    List<InFlightMove> shownMoves =
        copying.stream()
            .limit(shown)
            .map(m -> new InFlightMove(m.topic(), m.partition(), m.oldReplicas(), m.newReplicas()))
            .toList();
    ExecutionProgress draft =
        new ExecutionProgress(
            planId,
            phase,
            replicaMovesTotal,
            replicaMovesDone,
            leadershipMovesTotal,
            leadershipMovesDone,
            skipped.size(),
            bytesTotal,
            bytesDone,
            copying.size(),
            shownMoves,
            percent,
            Optional.of(started),
            finished,
            "",
            lastError);
    return ProgressMessage.withMessage(draft, adopted, cancelled, failure, cleanupPending());
  }
}
