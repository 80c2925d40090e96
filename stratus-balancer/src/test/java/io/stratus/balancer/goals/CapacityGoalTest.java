package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.loaded;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.ClusterModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityGoalTest {

  /** 1,000 bytes of disk, 100 B/s each way, 4 replicas. */
  private static final BrokerCapacity SMALL = new BrokerCapacity(1000, 100, 100, 4);

  /** Broker 1 holds 900 of 1,000 bytes (above 80 %), brokers 2 and 3 hold 300 and 0. */
  private static BalancingState state(Goal... goals) {
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a", SMALL), broker(2, "b", SMALL), broker(3, "c", SMALL)),
                List.of(
                    loaded("t", 0, 600, 10, 10, 1),
                    loaded("t", 1, 300, 10, 10, 1),
                    loaded("t", 2, 300, 10, 10, 2))));
    for (Goal goal : goals) {
      goal.prepare(state);
    }
    return state;
  }

  @Test
  void countsBrokersAboveTheirCapacityTimesTheLimit() {
    DiskCapacity goal = new DiskCapacity(0.8);
    BalancingState state = state(goal);

    assertThat(goal.hard()).isTrue();
    assertThat(goal.violations(state)).isEqualTo(1);
    assertThat(goal.detail(state)).startsWith("1 broker above 80% of disk capacity: broker 1 at");
  }

  @Test
  void rejectsAMoveThatTakesTheDestinationAboveTheLimitAndAcceptsOneThatRelievesTheSource() {
    DiskCapacity goal = new DiskCapacity(0.8);
    BalancingState state = state(goal);

    assertThat(goal.acceptsMove(state, slot(state, 0, 1), index(state, 2)))
        .as("broker 2 would hold 900")
        .isFalse();
    assertThat(goal.acceptsMove(state, slot(state, 0, 1), index(state, 3))).isTrue();
    assertThat(goal.acceptsMove(state, slot(state, 2, 2), index(state, 1)))
        .as("broker 1 is already above and would rise")
        .isFalse();
    assertThat(goal.moveBenefit(state, slot(state, 1, 1), index(state, 3))).isPositive();
  }

  @Test
  void networkOutJudgesLeadershipByWhatTheLeaderSends() {
    NetworkOutCapacity goal = new NetworkOutCapacity(0.8);
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a", SMALL), broker(2, "b", SMALL)),
                List.of(loaded("t", 0, 1, 10, 70, 1, 2), loaded("t", 1, 1, 10, 50, 2, 1))));
    goal.prepare(state);

    assertThat(goal.violations(state)).as("80 and 60 of 100").isZero();
    assertThat(goal.acceptsLeadership(state, slot(state, 0, 2)))
        .as("broker 2 would send 140")
        .isFalse();
    assertThat(goal.acceptsLeadership(state, slot(state, 1, 1)))
        .as("broker 1 would send 140")
        .isFalse();
  }

  @Test
  void optimizeMovesLoadOffTheOverloadedBroker() {
    DiskCapacity goal = new DiskCapacity(0.8);
    List<Goal> goals = List.of(new ReplicaEvacuation(), new RackAwareness(), goal);
    BalancingState state = state(goals.toArray(new Goal[0]));

    goal.optimize(state, GoalContext.of(goals, 2, state, 0));

    assertThat(goal.violations(state)).isZero();
    state.verifyBookkeeping();
  }

  @Test
  void replicaCapacityAllowsWholeReplicasOnly() {
    ReplicaCapacity goal = new ReplicaCapacity(0.9);
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a", SMALL), broker(2, "b", SMALL)),
                List.of(
                    partition("t", 0, 1, 1),
                    partition("t", 1, 1, 1),
                    partition("t", 2, 1, 1),
                    partition("t", 3, 1, 1))));
    goal.prepare(state);

    assertThat(goal.violations(state)).as("4 replicas, 90 % of 4 rounds down to 3").isEqualTo(1);
  }

  @Test
  void aLimitOfZeroIsRefused() {
    assertThatThrownBy(() -> new DiskCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DiskCapacity utilisation limit must be above 0, got 0.0");
  }
}
