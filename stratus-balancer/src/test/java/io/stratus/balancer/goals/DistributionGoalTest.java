package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionGoalTest {

  /** {@code counts[i]} single-replica partitions of {@code bytes[i]} each on broker i + 1. */
  private static BalancingState state(int[] counts, long bytes, Goal... goals) {
    List<BrokerModel> brokers = new ArrayList<>();
    List<PartitionModel> partitions = new ArrayList<>();
    for (int b = 0; b < counts.length; b++) {
      brokers.add(broker(b + 1, "rack-" + b));
      for (int i = 0; i < counts[b]; i++) {
        partitions.add(partition("t" + b, i, bytes, b + 1));
      }
    }
    BalancingState state = BalancingState.of(new ClusterModel(brokers, partitions));
    for (Goal goal : goals) {
      goal.prepare(state);
    }
    return state;
  }

  @Test
  void aCountedBandAlwaysAdmitsTheMeanRoundedUpAndDown() {
    ReplicaDistribution goal = new ReplicaDistribution(0.10, 0.20);
    // 23 replicas over 10 brokers: a mean of 2.3
    state(new int[] {3, 3, 3, 2, 2, 2, 2, 2, 2, 2}, 1, goal);

    assertThat(goal.upperLimit()).as("2.53 rounds down to 2, but 3 is needed").isEqualTo(3);
    assertThat(goal.lowerLimit()).as("1.84 rounds up to 2").isEqualTo(2);
  }

  @Test
  void aBandOfBytesIsTheMeanTimesTheThresholds() {
    DiskUsageDistribution goal = new DiskUsageDistribution(0.10, 0.20);
    state(new int[] {1, 1, 1, 1}, 1000, goal);

    assertThat(goal.upperLimit()).isCloseTo(1100, within(1e-6));
    assertThat(goal.lowerLimit()).isCloseTo(800, within(1e-6));
  }

  @Test
  void countsBrokersOutsideTheBandAndReportsThem() {
    ReplicaDistribution goal = new ReplicaDistribution(0.10, 0.20);
    BalancingState state = state(new int[] {14, 10, 10, 6}, 1, goal);

    assertThat(goal.hard()).isFalse();
    assertThat(goal.violations(state)).as("14 > 11 and 6 < 8").isEqualTo(2);
    assertThat(goal.severity(state)).isCloseTo(1.4, within(1e-9));
    assertThat(goal.detail(state))
        .startsWith("2 brokers outside 8–11 replicas (mean 10): broker 1 at 14");
  }

  @Test
  void acceptsMovesWithinTheBandAndNeverPushesABrokerFurtherOut() {
    ReplicaDistribution goal = new ReplicaDistribution(0.10, 0.20);
    BalancingState state = state(new int[] {14, 11, 9, 6}, 1, goal);
    int onBroker1 = slot(state, 0, 1);
    int onBroker3 = slot(state, 25, 3);

    assertThat(goal.acceptsMove(state, onBroker1, index(state, 4))).isTrue();
    assertThat(goal.acceptsMove(state, onBroker1, index(state, 2)))
        .as("broker 2 would hold 12, above 11")
        .isFalse();
    assertThat(goal.acceptsMove(state, onBroker3, index(state, 1)))
        .as("broker 1 is above and would rise")
        .isFalse();
    assertThat(goal.moveBenefit(state, onBroker1, index(state, 4)))
        .as("both ends come closer to the band")
        .isGreaterThan(goal.moveBenefit(state, onBroker1, index(state, 3)));
  }

  @Test
  void optimizeBringsEveryBrokerIntoTheBand() {
    ReplicaDistribution goal = new ReplicaDistribution(0.10, 0.20);
    List<Goal> goals = List.of(new ReplicaEvacuation(), new RackAwareness(), goal);
    BalancingState state = state(new int[] {20, 12, 6, 2}, 100, goals.toArray(new Goal[0]));

    goal.optimize(state, GoalContext.of(goals, 2, state, 0));

    assertThat(goal.violations(state)).isZero();
    state.verifyBookkeeping();
  }

  @Test
  void leadershipTransfersBalanceLeadersWithoutMovingReplicas() {
    LeaderDistribution goal = new LeaderDistribution(0.10, 0.20);
    List<PartitionModel> partitions = new ArrayList<>();
    for (int p = 0; p < 30; p++) {
      partitions.add(partition("t", p, 100, 1, 2, 3));
    }
    BalancingState state =
        BalancingState.of(
            new ClusterModel(List.of(broker(1, "a"), broker(2, "b"), broker(3, "c")), partitions));
    List<Goal> goals = List.of(new ReplicaEvacuation(), goal);
    for (Goal g : goals) {
      g.prepare(state);
    }

    goal.optimize(state, GoalContext.of(goals, 1, state, 0));

    assertThat(goal.violations(state)).isZero();
    for (int p = 0; p < 30; p++) {
      for (int i = 0; i < 3; i++) {
        assertThat(state.replicaBroker(p, i)).isEqualTo(state.initialReplicaBroker(p, i));
      }
    }
  }
}
