package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.balancer.BalancerException;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.PartitionMove;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.PreferredLeaderNotAvailableException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final TopicPartition A0 = new TopicPartition("a", 0);
  private static final TopicPartition A1 = new TopicPartition("a", 1);
  private static final TopicPartition A2 = new TopicPartition("a", 2);

  private final ManualClock clock = new ManualClock(T0);
  private final FakeCluster cluster =
      new FakeCluster(4).topic("a", List.of(0, 1), List.of(1, 2), List.of(2, 0));

  private PlanExecutor executor(ExecutorSettings settings) {
    return new PlanExecutor(cluster, settings, clock);
  }

  private PlanExecutor executor() {
    return executor(ExecutorSettings.defaults());
  }

  /** a-0 moves from 0 to 3 and 3 leads; a-1 only changes leader; a-2 moves from 0 to 3. */
  private static BalancePlan threeMoves() {
    return plan(
        move("a", 0, List.of(0, 1), List.of(3, 1), 100),
        move("a", 1, List.of(1, 2), List.of(2, 1), 0),
        move("a", 2, List.of(2, 0), List.of(2, 3), 300));
  }

  @Test
  void runsAPlanToDoneUnderAThrottleThatItRemovesAtTheEnd() {
    PlanExecutor executor = executor();
    executor.start("p1", threeMoves());

    executor.tick();

    assertThat(cluster.targets)
        .as("both copies and the reorder start in the first batch")
        .containsOnlyKeys(A0, A2);
    assertThat(cluster.replicas.get(A1)).as("a reorder completes at once").containsExactly(2, 1);
    assertThat(cluster.brokerRates)
        .as("every broker of a moving partition is throttled")
        .isEqualTo(
            Map.of(
                0, ExecutorSettings.DEFAULT_THROTTLE_BYTES_PER_SECOND,
                1, ExecutorSettings.DEFAULT_THROTTLE_BYTES_PER_SECOND,
                2, ExecutorSettings.DEFAULT_THROTTLE_BYTES_PER_SECOND,
                3, ExecutorSettings.DEFAULT_THROTTLE_BYTES_PER_SECOND));
    TopicThrottle throttle = cluster.topicThrottles.get("a");
    assertThat(throttle.leaderValue()).isEqualTo("0:0,0:1,2:0,2:2");
    assertThat(throttle.followerValue()).isEqualTo("0:3,2:3");
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.MOVING_REPLICAS);
    assertThat(executor.progress().inFlight())
        .containsExactly(
            new InFlightMove("a", 0, List.of(0, 1), List.of(3, 1)),
            new InFlightMove("a", 2, List.of(2, 0), List.of(2, 3)));

    cluster.completeAll();
    clock.advance(Duration.ofSeconds(75));
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(cluster.replicas)
        .containsEntry(A0, List.of(3, 1))
        .containsEntry(A1, List.of(2, 1))
        .containsEntry(A2, List.of(2, 3));
    assertThat(cluster.leaders).containsEntry(A0, 3).containsEntry(A1, 2).containsEntry(A2, 2);
    assertThat(cluster.anyThrottle()).as("no throttle is left").isFalse();
    assertThat(executor.running()).isFalse();
    assertThat(progress.replicaMovesTotal()).isEqualTo(2);
    assertThat(progress.replicaMovesDone()).isEqualTo(2);
    assertThat(progress.leadershipMovesTotal()).isEqualTo(2);
    assertThat(progress.leadershipMovesDone()).isEqualTo(2);
    assertThat(progress.bytesDone()).isEqualTo(400);
    assertThat(progress.percentDone()).isEqualTo(100);
    assertThat(progress.started()).contains(T0);
    assertThat(progress.finished()).contains(T0.plusSeconds(75));
    assertThat(progress.message())
        .isEqualTo("done in 1m 15s: moved 2 partitions (400 B) and 2 leaders");
    assertThat(progress.lastError()).isEmpty();
  }

  @Test
  void neverExceedsThePerBrokerOrClusterLimitsOverASeededRandomPlan() {
    Random random = new Random(42);
    FakeCluster big = new FakeCluster(6);
    List<PartitionMove> moves = new ArrayList<>();
    for (int partition = 0; partition < 60; partition++) {
      List<Integer> brokers = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
      Collections.shuffle(brokers, random);
      List<Integer> old = brokers.subList(0, 3);
      List<Integer> target = List.of(brokers.get(3), old.get(1), old.get(2));
      big.topic("t" + partition, old);
      moves.add(move("t" + partition, 0, old, target, random.nextInt(1_000_000)).build());
    }
    ExecutorSettings settings =
        ExecutorSettings.defaults().withMaxMovesPerBroker(2).withMaxMovesInCluster(5);
    PlanExecutor executor = new PlanExecutor(big, settings, clock);
    executor.start("random", planOf(moves));

    int ticks = 0;
    while (executor.running() && ticks++ < 500) {
      executor.tick();
      for (TopicPartition tp : List.copyOf(big.targets.keySet())) {
        if (random.nextBoolean()) {
          big.complete(tp);
        }
      }
    }

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().replicaMovesDone()).isEqualTo(60);
    assertThat(big.maxInFlightPerBroker.values())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(big.maxInFlightPerBroker.values()).as("the limit is used").contains(2);
    assertThat(big.maxInFlightInCluster).isLessThanOrEqualTo(5);
    for (PartitionMove move : moves) {
      TopicPartition tp = new TopicPartition(move.topic(), move.partition());
      assertThat(big.replicas.get(tp)).as("%s", tp).isEqualTo(move.newReplicas());
      assertThat(big.leaders.get(tp)).as("leader of %s", tp).isEqualTo(move.newLeader());
    }
    assertThat(big.anyThrottle()).isFalse();
  }

  @Test
  void startsSmallMovesFirstAndFillsFreeSlotsPastABlockedOne() {
    FakeCluster blocked =
        new FakeCluster(5)
            .topic("big", List.of(0, 1))
            .topic("mid", List.of(0, 2))
            .topic("small", List.of(3, 4));
    PlanExecutor executor =
        new PlanExecutor(blocked, ExecutorSettings.defaults().withMaxMovesPerBroker(1), clock);
    executor.start(
        "p",
        plan(
            move("big", 0, List.of(0, 1), List.of(2, 1), 900),
            move("mid", 0, List.of(0, 2), List.of(1, 2), 500),
            move("small", 0, List.of(3, 4), List.of(2, 4), 10)));

    executor.tick();

    assertThat(blocked.targets.keySet())
        .as("small (brokers 3, 2) first, then mid (0, 1); big needs 0 and 2, both busy")
        .containsExactlyInAnyOrder(new TopicPartition("small", 0), new TopicPartition("mid", 0));
  }

  @Test
  void skipsMovesWhoseClusterChangedSincePlanningAndStillFinishes() {
    cluster.topic("gone", List.of(0, 1));
    cluster.replicas.put(A2, List.of(2, 1));
    PlanExecutor executor = executor();
    executor.start(
        "p",
        plan(
            move("a", 0, List.of(0, 1), List.of(3, 1), 100),
            move("a", 2, List.of(2, 0), List.of(2, 3), 300),
            move("gone", 0, List.of(0, 1), List.of(0, 3), 200)));
    cluster.deleteTopic("gone");

    executor.tick();
    cluster.completeAll();
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(progress.partitionsSkipped()).isEqualTo(2);
    assertThat(progress.replicaMovesDone()).isEqualTo(1);
    assertThat(progress.lastError()).as("a skip is not an error").isEmpty();
    assertThat(cluster.replicas.get(A2)).as("left as it was").containsExactly(2, 1);
    assertThat(cluster.reassignCalls).allSatisfy(call -> assertThat(call).containsOnlyKeys(A0));
    assertThat(progress.message()).contains("2 skipped because the cluster changed since planning");
  }

  @Test
  void aReorderedReplicaListIsNotAChangeAndAMoveAlreadyMadeCountsAsDone() {
    cluster.replicas.put(A0, List.of(1, 0));
    cluster.replicas.put(A2, List.of(2, 3));
    PlanExecutor executor = executor();
    executor.start(
        "p",
        plan(
            move("a", 0, List.of(0, 1), List.of(3, 1), 100),
            move("a", 2, List.of(2, 0), List.of(2, 3), 300)));

    executor.tick();

    assertThat(cluster.targets).containsOnlyKeys(A0);
    assertThat(executor.progress().replicaMovesDone()).isEqualTo(1);
    assertThat(executor.progress().bytesDone()).isEqualTo(300);
    assertThat(executor.progress().partitionsSkipped()).isZero();
  }

  @Test
  void aRejectedReassignmentIsRetriedThenFailsTheExecutionAndCancelsTheRest() {
    cluster.refuseReassignment(
        A0, new InvalidReplicaAssignmentException("broker 3 is not registered"), 3);
    PlanExecutor executor = executor(ExecutorSettings.defaults().withMaxAttempts(3));
    executor.start("p", threeMoves());

    executor.tick();
    assertThat(cluster.targets).containsOnlyKeys(A2);
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.MOVING_REPLICAS);
    assertThat(executor.progress().lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("a-0").contains("1 time"));
    executor.tick();
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).isEqualTo(ExecutionPhase.FAILED);
    assertThat(progress.lastError())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .isEqualTo(
                        "Kafka refused to reassign a-0 ([3, 1]) 3 times: broker 3 is not registered"));
    assertThat(progress.message()).startsWith("failed: Kafka refused to reassign a-0");
    assertThat(cluster.targets).as("the move in flight was cancelled").isEmpty();
    assertThat(cluster.replicas.get(A2)).containsExactly(2, 0);
    assertThat(cluster.anyThrottle()).as("throttles go on failure too").isFalse();
    assertThat(executor.running()).isFalse();
    assertThat(progress.finished()).isPresent();
  }

  @Test
  void aRefusalThatClearsUpIsRetriedOnTheNextTick() {
    cluster.refuseReassignment(
        A0, new InvalidReplicaAssignmentException("broker 3 is not registered"), 1);
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());

    executor.tick();
    executor.tick();
    cluster.completeAll();
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(cluster.replicas.get(A0)).containsExactly(3, 1);
  }

  @Test
  void stopCancelsMovesInFlightRemovesThrottlesAndStartsNothingMore() {
    PlanExecutor executor = executor(ExecutorSettings.defaults().withMaxMovesPerBroker(1));
    executor.start("p", threeMoves());
    executor.tick();
    assertThat(cluster.targets).containsOnlyKeys(A0);
    int calls = cluster.reassignCalls.size();

    clock.advance(Duration.ofSeconds(10));
    executor.stop();
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).isEqualTo(ExecutionPhase.STOPPED);
    assertThat(cluster.targets).isEmpty();
    assertThat(cluster.replicas.get(A0)).as("reverted").containsExactly(0, 1);
    assertThat(cluster.anyThrottle()).isFalse();
    assertThat(cluster.reassignCalls).hasSize(calls);
    assertThat(progress.inFlightCount()).isZero();
    assertThat(progress.replicaMovesDone()).isZero();
    assertThat(progress.finished()).contains(T0.plusSeconds(10));
    assertThat(progress.message())
        .isEqualTo(
            "stopped: moved 0 of 2 partitions (0 B of 400 B) and 0 of 2 leaders, cancelled 1 in"
                + " flight");
    assertThat(executor.running()).isFalse();
  }

  @Test
  void aStopThatCannotReachTheClusterIsFinishedByTheNextTick() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    executor.tick();
    cluster.unreachable = true;

    executor.stop();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.STOPPED);
    assertThat(executor.running()).as("moves are still to be cancelled").isTrue();
    assertThat(executor.progress().lastError()).isPresent();
    assertThat(cluster.targets).isNotEmpty();

    cluster.unreachable = false;
    executor.tick();

    assertThat(cluster.targets).isEmpty();
    assertThat(cluster.anyThrottle()).isFalse();
    assertThat(executor.running()).isFalse();
  }

  @Test
  void aBrokerThatIsDownIsNotThrottledButItsMovesStillRun() {
    cluster.live.remove(0);
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());

    executor.tick();

    assertThat(cluster.brokerRates).containsOnlyKeys(1, 2, 3);
    assertThat(cluster.targets).containsOnlyKeys(A0, A2);
    cluster.completeAll();
    executor.tick();
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(cluster.anyThrottle()).isFalse();
  }

  @Test
  void aMoveThatCompletedBeforeTheCancelCountsAsDone() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    executor.tick();
    cluster.complete(A0);

    executor.stop();

    assertThat(executor.progress().replicaMovesDone()).isEqualTo(1);
    assertThat(executor.progress().bytesDone()).isEqualTo(100);
    assertThat(cluster.replicas.get(A0)).containsExactly(3, 1);
    assertThat(cluster.replicas.get(A2)).containsExactly(2, 0);
  }

  @Test
  void aMoveRevertedOutsideTheExecutorBeforeTheCancelIsNotCountedAsDone() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    executor.tick();
    cluster.cancel(Set.of(A0));

    executor.stop();

    assertThat(executor.progress().replicaMovesDone()).isZero();
    assertThat(executor.progress().message()).contains("cancelled 2 in flight");
  }

  @Test
  void refusesToStartWhileAPlanRuns() {
    PlanExecutor executor = executor();
    executor.start("p1", threeMoves());

    assertThatThrownBy(() -> executor.start("p2", threeMoves()))
        .isInstanceOf(BalancerException.class)
        .hasMessage(
            "cannot start plan p2: plan p1 is still running (MOVING_REPLICAS); stop it or wait"
                + " for it to end");
  }

  @Test
  void refusesAPlanThatMovesAPartitionTwice() {
    BalancePlan twice =
        plan(
            move("a", 0, List.of(0, 1), List.of(3, 1), 1),
            move("a", 0, List.of(0, 1), List.of(2, 1), 1));

    assertThatThrownBy(() -> executor().start("p", twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("moves a-0 twice");
  }

  @Test
  void recoverWithNothingRunningRemovesEveryThrottleLeftBehind() {
    cluster.brokerRates.put(0, 1000L);
    cluster.brokerRates.put(2, 1000L);
    cluster.topicThrottles.put("a", new TopicThrottle("a", Set.of("0:0"), Set.of("0:3")));
    PlanExecutor executor = executor();

    executor.recover();

    assertThat(cluster.anyThrottle()).isFalse();
    assertThat(executor.running()).isFalse();
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.IDLE);
  }

  @Test
  void recoverAdoptsReassignmentsFoundRunningAndRemovesThrottlesWhenTheyFinish() {
    PlanExecutor before = executor();
    before.start("p1", threeMoves());
    before.tick();
    cluster.topicThrottles.put("stale", new TopicThrottle("stale", Set.of("0:1"), Set.of("0:2")));
    // The agent restarts: the old executor is gone, its reassignments and throttles are not.

    PlanExecutor after = executor();
    after.recover();

    ExecutionProgress adopted = after.progress();
    assertThat(after.running()).isTrue();
    assertThat(adopted.planId()).isEqualTo(PlanExecutor.ADOPTED_PLAN_ID);
    assertThat(adopted.phase()).isEqualTo(ExecutionPhase.MOVING_REPLICAS);
    assertThat(adopted.inFlight())
        .containsExactlyInAnyOrder(
            // Kafka lists the target replicas first, so the original order is not known.
            new InFlightMove("a", 0, List.of(1, 0), List.of(3, 1)),
            new InFlightMove("a", 2, List.of(2, 0), List.of(2, 3)));
    assertThat(adopted.message())
        .startsWith("finishing reassignments found running after a restart");

    after.tick();
    assertThat(cluster.brokerRates).as("the throttle stays while they run").isNotEmpty();
    assertThat(cluster.topicThrottles).containsKey("a");

    cluster.completeAll();
    after.tick();

    assertThat(after.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(cluster.leaders).containsEntry(A0, 3).containsEntry(A2, 2);
    assertThat(cluster.anyThrottle()).as("every throttle is gone, stale ones too").isFalse();
    assertThat(after.running()).isFalse();
  }

  @Test
  void recoverRefusesWhileAPlanRuns() {
    PlanExecutor executor = executor();
    executor.start("p1", threeMoves());

    assertThatThrownBy(executor::recover)
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("plan p1 is running");
  }

  @Test
  void anElectionThatIsNotNeededCountsAsDone() {
    cluster.leaders.put(A1, 2);
    PlanExecutor executor = executor();
    executor.start("p", plan(move("a", 1, List.of(1, 2), List.of(2, 1), 0)));

    executor.tick();
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().leadershipMovesDone()).isEqualTo(1);
  }

  @Test
  void anElectionRefusedTooOftenFailsTheExecutionAndRemovesThrottles() {
    cluster.refuseElection(A0, new PreferredLeaderNotAvailableException("3 is not in the ISR"), 9);
    PlanExecutor executor = executor(ExecutorSettings.defaults().withMaxAttempts(2));
    executor.start("p", threeMoves());
    executor.tick();
    cluster.completeAll();

    executor.tick();
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.MOVING_LEADERS);
    assertThat(executor.progress().leadershipMovesDone()).as("a-1 is elected").isEqualTo(1);
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.FAILED);
    assertThat(executor.progress().lastError())
        .hasValue("Kafka refused to elect a leader of a-0 ([3, 1]) 2 times: 3 is not in the ISR");
    assertThat(cluster.anyThrottle()).isFalse();
  }

  @Test
  void withoutAThrottleNoConfigurationIsTouched() {
    PlanExecutor executor = executor(ExecutorSettings.defaults().withThrottleBytesPerSecond(0));
    executor.start("p", threeMoves());

    executor.tick();
    cluster.completeAll();
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(cluster.throttleCalls).isZero();
  }

  @Test
  void aTickThatCannotReachTheClusterRecordsWhyAndTheNextCarriesOn() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    cluster.unreachable = true;

    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.MOVING_REPLICAS);
    assertThat(executor.progress().lastError())
        .hasValue("could not reach the cluster: no answer within 5000 ms");

    cluster.unreachable = false;
    executor.tick();
    cluster.completeAll();
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
  }

  @Test
  void aThrottleThatCannotBeRemovedYetKeepsTheExecutorRunningUntilItIs() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    executor.tick();
    cluster.completeAll();
    cluster.configChangesFail = true;

    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.running()).as("the throttle is still to be removed").isTrue();
    assertThat(executor.progress().message()).endsWith("; removing the replication throttle");
    assertThatThrownBy(() -> executor.start("p2", threeMoves()))
        .isInstanceOf(BalancerException.class);

    cluster.configChangesFail = false;
    executor.tick();

    assertThat(cluster.anyThrottle()).isFalse();
    assertThat(executor.running()).isFalse();
  }

  @Test
  void aReassignmentWhoseAnswerWasLostIsTakenAsInFlightNotAsForeign() {
    cluster.loseNextReassignAnswer = true;
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());

    executor.tick();
    assertThat(executor.progress().lastError()).isPresent();
    executor.tick();

    assertThat(executor.progress().inFlightCount()).isEqualTo(2);
    cluster.completeAll();
    executor.tick();
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().partitionsSkipped()).isZero();
  }

  @Test
  void aReassignmentCancelledOutsideTheExecutorIsSkipped() {
    PlanExecutor executor = executor();
    executor.start("p", threeMoves());
    executor.tick();

    cluster.cancel(Set.of(A0));
    cluster.completeAll();
    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().partitionsSkipped()).isEqualTo(1);
    assertThat(cluster.leaders.get(A0)).as("no leader is moved for a skipped partition").isZero();
  }

  @Test
  void progressCountsBytesAndSaysWhatIsHappening() {
    FakeCluster three = new FakeCluster(4).topic("t", List.of(0, 1), List.of(1, 2), List.of(2, 0));
    PlanExecutor executor = new PlanExecutor(three, ExecutorSettings.defaults(), clock);
    executor.start(
        "p",
        plan(
            move("t", 0, List.of(0, 1), List.of(0, 3), 100),
            move("t", 1, List.of(1, 2), List.of(1, 3), 300_000),
            move("t", 2, List.of(2, 0), List.of(2, 3), 1_200_000_000)));
    executor.tick();

    three.complete(new TopicPartition("t", 0));
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.bytesTotal()).isEqualTo(1_200_300_100);
    assertThat(progress.bytesDone()).isEqualTo(100);
    assertThat(progress.inFlightCount()).isEqualTo(2);
    assertThat(progress.percentDone()).isCloseTo(100.0 * 100 / 1_200_300_100, within());
    assertThat(progress.message())
        .isEqualTo("moving partitions: 1 of 3 done (100 B of 1.2 GB), 2 in flight");

    three.complete(new TopicPartition("t", 1));
    executor.tick();
    assertThat(executor.progress().message())
        .isEqualTo("moving partitions: 2 of 3 done (300.1 kB of 1.2 GB), 1 in flight");
  }

  @Test
  void aPlanThatOnlyMovesLeadersCountsPercentByPartitions() {
    cluster.replicas.put(A0, List.of(1, 0));
    cluster.leaders.put(A0, 0);
    PlanExecutor executor = executor(ExecutorSettings.defaults().withLeaderBatchSize(1));
    executor.start(
        "p",
        plan(
            move("a", 0, List.of(1, 0), List.of(1, 0), 0).withOldLeader(0),
            move("a", 1, List.of(1, 2), List.of(2, 1), 0)));

    executor.tick();
    assertThat(cluster.replicas.get(A1)).as("reordered").containsExactly(2, 1);
    executor.tick();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).isEqualTo(ExecutionPhase.MOVING_LEADERS);
    assertThat(progress.replicaMovesTotal()).isZero();
    assertThat(progress.leadershipMovesTotal()).isEqualTo(2);
    assertThat(progress.leadershipMovesDone()).isEqualTo(1);
    assertThat(progress.percentDone()).isEqualTo(50);
    assertThat(progress.message()).isEqualTo("moving leaders: 1 of 2 done");

    executor.tick();
    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().percentDone()).isEqualTo(100);
    assertThat(executor.progress().message()).isEqualTo("done in 0s: moved 2 leaders");
    assertThat(cluster.leaders).containsEntry(A0, 1).containsEntry(A1, 2);
  }

  @Test
  void anEmptyPlanIsDoneOnTheFirstTick() {
    PlanExecutor executor = executor();
    executor.start("empty", plan());

    executor.tick();

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.running()).isFalse();
    assertThat(cluster.reassignCalls).isEmpty();
  }

  @Test
  void idleProgressBeforeAnything() {
    PlanExecutor executor = executor();

    executor.tick();
    executor.stop();

    assertThat(executor.progress()).isEqualTo(ExecutionProgress.idle());
    assertThat(executor.running()).isFalse();
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-9);
  }

  private static PartitionMoveBuilder move(
      String topic, int partition, List<Integer> from, List<Integer> to, long bytes) {
    return new PartitionMoveBuilder(topic, partition, from, to, from.get(0), bytes);
  }

  private static BalancePlan plan(PartitionMoveBuilder... moves) {
    List<PartitionMove> built = new ArrayList<>();
    for (PartitionMoveBuilder move : moves) {
      built.add(move.build());
    }
    return planOf(built);
  }

  private static BalancePlan planOf(List<PartitionMove> moves) {
    long bytes = moves.stream().mapToLong(PartitionMove::bytesToMove).sum();
    return new BalancePlan(moves, List.of(), Map.of(), Map.of(), bytes, 0);
  }

  /** A move whose old leader defaults to the first old replica. */
  private record PartitionMoveBuilder(
      String topic,
      int partition,
      List<Integer> from,
      List<Integer> to,
      int oldLeader,
      long bytes) {

    PartitionMoveBuilder withOldLeader(int leader) {
      return new PartitionMoveBuilder(topic, partition, from, to, leader, bytes);
    }

    PartitionMove build() {
      return new PartitionMove(topic, partition, from, to, oldLeader, bytes);
    }
  }
}
