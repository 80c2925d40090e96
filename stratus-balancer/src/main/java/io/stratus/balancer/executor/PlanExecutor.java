package io.stratus.balancer.executor;

import io.stratus.balancer.BalancerException;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.PartitionMove;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link BalancePlan} on one cluster: partition reassignments in batches within
 * per-broker and per-cluster limits, under a replication throttle, then preferred leader elections;
 * the throttle is removed however the execution ends.
 *
 * <p>Driven by its owner's loop: {@link #tick()} every few seconds advances the execution, and no
 * method waits for a reassignment to finish. Each call makes a few Admin calls, each bounded by
 * {@link ExecutorSettings#callTimeout()}. A tick that cannot reach the cluster records the error in
 * {@link ExecutionProgress#lastError()} and the next tick carries on from where it was.
 *
 * <p>Kafka keeps reassignments running when the agent restarts, and throttles are dynamic
 * configurations that outlive it; {@link #recover()} takes over the one and removes the other. Any
 * replication throttle on a broker or topic is treated as the executor's, with no marker: tenants
 * cannot set the broker rates (they have no cluster-level ALTER_CONFIGS), and the topic-level
 * throttled replicas they can set slow nothing without a broker rate, which only the platform sets.
 * Removing every one loses nothing a tenant relies on, and no leftover can outlive a restart.
 *
 * <p>Not thread-safe: one thread owns an executor.
 */
public final class PlanExecutor {

  /** The plan id of an execution that took over reassignments found running after a restart. */
  public static final String ADOPTED_PLAN_ID = "adopted";

  private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);
  private static final int LOGGED_PARTITIONS = 10;

  private final ReassignmentClient client;
  private final ExecutorSettings settings;
  private final Clock clock;
  private final ReplicationThrottler throttler;
  private Optional<Execution> execution = Optional.empty();

  /**
   * An executor for the cluster {@code admin} talks to. The admin client stays its caller's: the
   * executor never closes it.
   */
  public PlanExecutor(Admin admin, ExecutorSettings settings, Clock clock) {
    this(new AdminReassignmentClient(admin, settings.callTimeout()), settings, clock);
  }

  PlanExecutor(ReassignmentClient client, ExecutorSettings settings, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.throttler = new ReplicationThrottler(client, settings);
  }

  /**
   * Takes over after an agent (re)start, before the first {@link #start}: reassignments found under
   * way become an execution with id {@link #ADOPTED_PLAN_ID}, which keeps the throttle while they
   * run, elects their preferred leaders once they complete, then removes every throttle; with none
   * under way, every replication throttle on live brokers and on topics is removed now.
   *
   * @throws BalancerException if the cluster cannot be read or changed; call again later
   */
  public void recover() {
    if (running()) {
      throw new BalancerException(
          "cannot recover while plan "
              + execution.get().planId()
              + " is running; recover only before the first start");
    }
    Map<TopicPartition, OngoingReassignment> ongoing = client.ongoing();
    if (!ongoing.isEmpty()) {
      Execution adopted = Execution.adopt(ADOPTED_PLAN_ID, ongoing, clock.instant());
      execution = Optional.of(adopted);
      log.info(
          "[plan={}] took over {} reassignments found running: {}",
          ADOPTED_PLAN_ID,
          ongoing.size(),
          capped(ongoing.keySet()));
      return;
    }
    throttler.removeLeftovers();
  }

  /**
   * Begins executing {@code plan}; the first {@link #tick()} starts moving. Makes no call to the
   * cluster.
   *
   * @throws BalancerException if an execution is still running (or still removing its throttle)
   * @throws IllegalArgumentException if the plan id is blank or the plan moves a partition twice
   */
  public void start(String planId, BalancePlan plan) {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(plan, "plan");
    if (planId.isBlank()) {
      throw new IllegalArgumentException("planId must not be blank");
    }
    if (running()) {
      Execution current = execution.get();
      throw new BalancerException(
          "cannot start plan "
              + planId
              + ": plan "
              + current.planId()
              + " is still running ("
              + current.phase()
              + "); stop it or wait for it to end");
    }
    execution = Optional.of(Execution.of(planId, plan, clock.instant()));
    log.info(
        "[plan={}] starting: {} partitions, {} replica moves, {} leadership moves, {} bytes",
        planId,
        plan.moves().size(),
        plan.moves().stream().filter(PartitionMove::movesReplicas).count(),
        plan.leadershipMoves(),
        plan.bytesToMove());
  }

  /**
   * Advances the execution: counts finished reassignments, starts the next batch, elects leaders
   * once every reassignment is over, and cancels moves and removes throttles once it ends. Does
   * nothing when no execution is running.
   */
  public void tick() {
    if (execution.isEmpty()) {
      return;
    }
    Execution current = execution.get();
    try {
      if (current.phase() == ExecutionPhase.MOVING_REPLICAS) {
        moveReplicas(current);
      }
      if (current.phase() == ExecutionPhase.MOVING_LEADERS) {
        moveLeaders(current);
      }
      if (current.cleanupPending()) {
        cleanUp(current);
      }
    } catch (BalancerException e) {
      current.recordError(e.getMessage());
      log.warn("[plan={}] {}; trying again on the next tick", current.planId(), e.getMessage());
    }
  }

  /**
   * Stops the running execution: starts nothing more, cancels the reassignments in flight (Kafka
   * reverts them) and removes the throttle. What could not be done because the cluster did not
   * answer is retried by {@link #tick()}. Does nothing when no execution is running.
   */
  public void stop() {
    if (execution.isEmpty()) {
      return;
    }
    Execution current = execution.get();
    if (current.phase().active()) {
      current.end(ExecutionPhase.STOPPED, clock.instant(), Optional.empty());
      log.info(
          "[plan={}] stopping: cancelling {} moves in flight",
          current.planId(),
          current.toCancel().size());
    }
    if (current.cleanupPending()) {
      try {
        cleanUp(current);
        log.info("[plan={}] {}", current.planId(), current.progress(0).message());
      } catch (BalancerException e) {
        current.recordError(e.getMessage());
        log.warn("[plan={}] {}; trying again on the next tick", current.planId(), e.getMessage());
      }
    }
  }

  /** How far the current (or last) execution has come. */
  public ExecutionProgress progress() {
    return execution
        .map(current -> current.progress(settings.inFlightShown()))
        .orElseGet(ExecutionProgress::idle);
  }

  /**
   * Whether an execution is under way, or has ended but still has moves to cancel or a throttle to
   * remove; {@link #tick()} finishes those.
   */
  public boolean running() {
    return execution.map(e -> e.phase().active() || e.cleanupPending()).orElse(false);
  }

  private void moveReplicas(Execution current) {
    Map<TopicPartition, OngoingReassignment> ongoing = client.ongoing();
    Set<TopicPartition> finished = new LinkedHashSet<>(current.inFlight().keySet());
    finished.removeAll(ongoing.keySet());
    if (!finished.isEmpty()) {
      settleFinished(current, finished);
    }
    List<PartitionMove> batch =
        MoveScheduler.nextBatch(current.pending(), current.inFlight().values(), settings);
    if (!batch.isEmpty()) {
      startBatch(current, batch, ongoing);
    }
    if (current.phase() == ExecutionPhase.MOVING_REPLICAS
        && current.pending().isEmpty()
        && current.inFlight().isEmpty()) {
      current.startLeaderPhase();
      log.info(
          "[plan={}] reassignments over; electing {} leaders",
          current.planId(),
          current.leadersPending().size());
    }
  }

  /** Counts reassignments that are no longer under way: done if the partition is as planned. */
  private void settleFinished(Execution current, Set<TopicPartition> finished) {
    Map<TopicPartition, List<Integer>> replicas = client.replicas(topicsOf(finished));
    for (TopicPartition partition : finished) {
      List<Integer> now = replicas.get(partition);
      PartitionMove move = current.move(partition);
      if (now != null && now.equals(move.newReplicas())) {
        current.reassigned(partition);
      } else {
        current.skip(partition);
        log.warn(
            "[plan={}] {} ended with replicas {} instead of {}: cancelled or changed outside the"
                + " executor; skipped",
            current.planId(),
            partition,
            now == null ? "(partition gone)" : now,
            move.newReplicas());
      }
    }
    throttler.narrow(current, topicsOf(finished));
  }

  private void startBatch(
      Execution current,
      List<PartitionMove> batch,
      Map<TopicPartition, OngoingReassignment> ongoing) {
    Map<TopicPartition, List<Integer>> replicas =
        client.replicas(batch.stream().map(PartitionMove::topic).collect(Collectors.toSet()));
    Map<TopicPartition, PartitionMove> toStart = new LinkedHashMap<>();
    for (PartitionMove move : batch) {
      TopicPartition partition = Execution.partitionOf(move);
      OngoingReassignment running = ongoing.get(partition);
      List<Integer> now = replicas.get(partition);
      if (running != null && running.target().equals(move.newReplicas())) {
        // Started by an earlier tick whose answer was lost.
        current.launched(partition);
      } else if (running != null) {
        skip(current, partition, "another reassignment is under way, to " + running.target());
      } else if (now == null) {
        skip(current, partition, "the partition no longer exists");
      } else if (now.equals(move.newReplicas())) {
        current.reassigned(partition);
      } else if (!new HashSet<>(now).equals(new HashSet<>(move.oldReplicas()))) {
        // Only the set matters: a reordered list hosts the same data, and the plan's order wins.
        skip(
            current,
            partition,
            "its replicas are " + now + ", the plan expected " + move.oldReplicas());
      } else {
        toStart.put(partition, move);
      }
    }
    if (toStart.isEmpty()) {
      return;
    }
    throttler.cover(current, toStart.values());
    Map<TopicPartition, List<Integer>> targets = new LinkedHashMap<>();
    toStart.forEach((partition, move) -> targets.put(partition, move.newReplicas()));
    Map<TopicPartition, Throwable> refused = client.reassign(targets);
    List<String> started = new ArrayList<>();
    toStart.forEach(
        (partition, move) -> {
          if (!refused.containsKey(partition)) {
            current.launched(partition);
            started.add(partition + " " + move.oldReplicas() + "->" + move.newReplicas());
          }
        });
    if (!started.isEmpty()) {
      log.info(
          "[plan={}] started {} reassignments: {}",
          current.planId(),
          started.size(),
          capped(started));
    }
    // Accepted moves are in flight before a refusal can fail the execution, so that it cancels
    // them.
    for (Map.Entry<TopicPartition, Throwable> entry : refused.entrySet()) {
      TopicPartition partition = entry.getKey();
      if (!toStart.containsKey(partition)) {
        continue;
      }
      if (entry.getValue() instanceof UnknownTopicOrPartitionException) {
        skip(current, partition, "the partition no longer exists");
      } else if (refusedTooOften(
          current, partition, entry.getValue(), "reassign", targets.get(partition))) {
        return;
      }
    }
  }

  private void moveLeaders(Execution current) {
    List<TopicPartition> batch =
        current.leadersPending().stream().limit(settings.leaderBatchSize()).toList();
    if (!batch.isEmpty()) {
      Map<TopicPartition, Throwable> notElected =
          client.electPreferredLeaders(new LinkedHashSet<>(batch));
      for (TopicPartition partition : batch) {
        Throwable reason = notElected.get(partition);
        if (reason == null || reason instanceof ElectionNotNeededException) {
          current.elected(partition);
        } else if (reason instanceof UnknownTopicOrPartitionException) {
          skip(current, partition, "the partition no longer exists");
        } else if (refusedTooOften(
            current,
            partition,
            reason,
            "elect a leader of",
            current.move(partition).newReplicas())) {
          return;
        }
      }
    }
    if (current.leadersPending().isEmpty()) {
      current.end(ExecutionPhase.DONE, clock.instant(), Optional.empty());
      log.info("[plan={}] {}", current.planId(), current.progress(0).message());
    }
  }

  /**
   * Counts a refusal; fails the execution once the partition has been refused {@link
   * ExecutorSettings#maxAttempts()} times.
   *
   * @return whether the execution failed
   */
  private boolean refusedTooOften(
      Execution current,
      TopicPartition partition,
      Throwable reason,
      String action,
      List<Integer> replicas) {
    int attempts = current.refused(partition);
    String what =
        "Kafka refused to "
            + action
            + " "
            + partition
            + " ("
            + replicas
            + ") "
            + attempts
            + (attempts == 1 ? " time" : " times")
            + ": "
            + reason.getMessage();
    if (attempts < settings.maxAttempts()) {
      current.recordError(what);
      log.warn("[plan={}] {}; trying again on the next tick", current.planId(), what);
      return false;
    }
    current.end(ExecutionPhase.FAILED, clock.instant(), Optional.of(what));
    log.warn("[plan={}] failed: {}", current.planId(), what);
    return true;
  }

  private void skip(Execution current, TopicPartition partition, String why) {
    current.skip(partition);
    log.info(
        "[plan={}] skipping {}: {}; the cluster changed since planning",
        current.planId(),
        partition,
        why);
  }

  /** Cancels the moves an ended execution left in flight, then removes its throttles. */
  private void cleanUp(Execution current) {
    Set<TopicPartition> toCancel = current.toCancel();
    if (!toCancel.isEmpty()) {
      Map<TopicPartition, Throwable> refused = client.cancel(toCancel);
      Set<TopicPartition> notRunning = new LinkedHashSet<>();
      for (TopicPartition partition : toCancel) {
        Throwable reason = refused.get(partition);
        if (reason == null) {
          current.cancelled(partition, false);
        } else if (reason instanceof NoReassignmentInProgressException) {
          notRunning.add(partition);
        } else {
          current.notCancelled(partition);
          current.recordError(
              "could not cancel the reassignment of " + partition + ": " + reason.getMessage());
          log.warn(
              "[plan={}] could not cancel the reassignment of {}: {}",
              current.planId(),
              partition,
              reason.getMessage());
        }
      }
      if (!notRunning.isEmpty()) {
        // Ended before the cancel came: completed, or reverted by someone else.
        Map<TopicPartition, List<Integer>> replicas = client.replicas(topicsOf(notRunning));
        for (TopicPartition partition : notRunning) {
          boolean completed = current.move(partition).newReplicas().equals(replicas.get(partition));
          current.cancelled(partition, completed);
        }
      }
    }
    if (current.throttlesToRemove()) {
      throttler.removeAll(current);
      current.throttlesRemoved();
      log.info("[plan={}] removed the replication throttle", current.planId());
    }
  }

  private static Set<String> topicsOf(Set<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet());
  }

  private static String capped(Collection<?> items) {
    if (items.size() <= LOGGED_PARTITIONS) {
      return items.toString();
    }
    return items.stream().limit(LOGGED_PARTITIONS).toList()
        + " and "
        + (items.size() - LOGGED_PARTITIONS)
        + " more";
  }
}
