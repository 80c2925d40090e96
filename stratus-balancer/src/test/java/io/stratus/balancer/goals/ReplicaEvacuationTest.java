package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.ClusterModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaEvacuationTest {

  private final ReplicaEvacuation goal = new ReplicaEvacuation();

  private BalancingState state() {
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(
                    broker(1, "a", BrokerHealth.DRAINING),
                    broker(2, "b", BrokerHealth.DEAD),
                    broker(3, "c"),
                    broker(4, "a"),
                    broker(5, "b")),
                List.of(
                    partition("t", 0, 10, 1, 3, 4),
                    partition("t", 1, 10, 2, 3, 5),
                    partition("t", 2, 10, 3, 4, 5))));
    goal.prepare(state);
    return state;
  }

  @Test
  void countsEveryReplicaOnADrainingOrDeadBrokerAndEveryPartitionADeadBrokerLeads() {
    BalancingState state = state();

    assertThat(goal.violations(state)).as("two replicas, one dead leader").isEqualTo(3);
    assertThat(goal.detail(state))
        .contains("2 replicas still on brokers that must give them up")
        .contains("1 (draining, 1)")
        .contains("2 (dead, 1)")
        .contains("1 partition led by a dead broker");
  }

  @Test
  void acceptsOnlyReplicasAndLeadershipGoingToAliveBrokers() {
    BalancingState state = state();

    assertThat(goal.acceptsMove(state, slot(state, 2, 3), index(state, 1))).isFalse();
    assertThat(goal.acceptsMove(state, slot(state, 2, 3), index(state, 2))).isFalse();
    assertThat(goal.acceptsMove(state, slot(state, 0, 1), index(state, 5))).isTrue();
    assertThat(goal.acceptsLeadership(state, slot(state, 0, 3))).isTrue();
    assertThat(goal.acceptsLeadership(state, slot(state, 1, 2))).isFalse();
    assertThat(goal.acceptsLeadership(state, slot(state, 0, 1)))
        .as("a draining broker takes no leadership either")
        .isFalse();
  }

  @Test
  void optimizeLeavesNoReplicaOrLeaderBehind() {
    BalancingState state = state();

    goal.optimize(state, GoalContext.of(List.of(goal), 0, state, 0));

    assertThat(goal.violations(state)).isZero();
    assertThat(goal.detail(state)).isEmpty();
    assertThat(state.slotCount(index(state, 1))).isZero();
    assertThat(state.slotCount(index(state, 2))).isZero();
    state.verifyBookkeeping();
  }

  @Test
  void aReplicaNoAliveBrokerCanTakeStaysAndIsReported() {
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a", BrokerHealth.DRAINING), broker(2, "b"), broker(3, "c")),
                List.of(partition("t", 0, 10, 1, 2, 3))));
    goal.prepare(state);

    goal.optimize(state, GoalContext.of(List.of(goal), 0, state, 0));

    assertThat(goal.violations(state)).isEqualTo(1);
    assertThat(goal.detail(state))
        .contains("1 replica still on brokers that must give them up: 1 (draining, 1)")
        .contains("add brokers");
  }
}
