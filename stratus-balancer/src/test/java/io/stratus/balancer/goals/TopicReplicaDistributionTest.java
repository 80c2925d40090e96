package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicReplicaDistributionTest {

  private static final List<BrokerModel> FOUR =
      List.of(broker(1, "a"), broker(2, "b"), broker(3, "c"), broker(4, "d"));

  /** Topic {@code big}: 8 single replicas, {@code onBroker1} of them on broker 1, the rest on 2. */
  private static BalancingState state(TopicReplicaDistribution goal, int onBroker1) {
    List<PartitionModel> partitions = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      partitions.add(partition("big", p, 10, p < onBroker1 ? 1 : 2));
    }
    partitions.add(partition("small", 0, 10, 3));
    BalancingState state = BalancingState.of(new ClusterModel(FOUR, partitions));
    goal.prepare(state);
    return state;
  }

  @Test
  void aTopicMayHoldItsMeanRoundedPlusTheGapOnABroker() {
    TopicReplicaDistribution goal = new TopicReplicaDistribution(0.10, 0.20, 1);
    // big: mean 2 per broker, band 1..3; small: mean 0.25, band 0..2
    BalancingState state = state(goal, 4);

    assertThat(goal.violations(state))
        .as("4 on broker 1, 4 on broker 2, 0 on brokers 3 and 4")
        .isEqualTo(4);
    assertThat(goal.detail(state)).contains("big has 4 on broker 1 (allowed 1–3)");
  }

  @Test
  void withoutAGapTheBandIsTheMeanRounded() {
    TopicReplicaDistribution goal = new TopicReplicaDistribution(0.10, 0.20, 0);

    assertThat(goal.violations(state(goal, 2)))
        .as("big: 2 on broker 1 fits 2..2, 6 on broker 2 and none on 3 and 4 do not")
        .isEqualTo(3);
  }

  @Test
  void acceptsMovesThatKeepBothBrokersInTheBandOrBringThemCloser() {
    TopicReplicaDistribution goal = new TopicReplicaDistribution(0.10, 0.20, 1);
    BalancingState state = state(goal, 3);
    int bigOn2 = slot(state, 7, 2);
    int bigOn1 = slot(state, 0, 1);

    assertThat(goal.acceptsMove(state, bigOn2, index(state, 3))).isTrue();
    assertThat(goal.moveBenefit(state, bigOn2, index(state, 3))).isPositive();
    assertThat(goal.acceptsMove(state, bigOn1, index(state, 2)))
        .as("broker 2 holds 5, above 3, and would rise")
        .isFalse();
    assertThat(goal.acceptsSwap(state, bigOn1, bigOn2)).as("same topic: nothing changes").isTrue();
  }

  @Test
  void optimizeSpreadsTheTopic() {
    TopicReplicaDistribution goal = new TopicReplicaDistribution(0.10, 0.20, 0);
    BalancingState state = state(goal, 0);
    List<Goal> goals = List.of(new ReplicaEvacuation(), goal);

    goal.optimize(state, GoalContext.of(goals, 1, state, 0));

    assertThat(goal.violations(state)).isZero();
    state.verifyBookkeeping();
  }
}
