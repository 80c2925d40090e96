package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RackAwarenessTest {

  private final RackAwareness goal = new RackAwareness();

  private static final List<BrokerModel> THREE_RACKS =
      List.of(
          broker(1, "a"),
          broker(2, "a"),
          broker(3, "b"),
          broker(4, "b"),
          broker(5, "c"),
          broker(6, "c"));

  private BalancingState state(List<BrokerModel> brokers, PartitionModel... partitions) {
    BalancingState state = BalancingState.of(new ClusterModel(brokers, List.of(partitions)));
    goal.prepare(state);
    return state;
  }

  @Test
  void withAsManyRacksAsReplicasEachReplicaNeedsItsOwnRack() {
    BalancingState state =
        state(THREE_RACKS, partition("t", 0, 1, 1, 3, 5), partition("t", 1, 1, 1, 2, 3));

    assertThat(goal.violations(state)).isEqualTo(1);
    assertThat(goal.detail(state))
        .contains("1 partition with more replicas in one rack than 3 alive racks require")
        .contains("t-1 on racks a,a,b");
  }

  @Test
  void withFewerRacksThanReplicasNoRackHoldsMoreThanItsRoundedUpShare() {
    List<BrokerModel> twoRacks =
        List.of(broker(1, "a"), broker(2, "a"), broker(3, "a"), broker(4, "b"), broker(5, "b"));

    BalancingState state =
        state(twoRacks, partition("t", 0, 1, 1, 2, 4), partition("t", 1, 1, 1, 2, 3));

    assertThat(goal.violations(state)).as("3 in rack a, but 2 allowed").isEqualTo(1);
  }

  @Test
  void brokersWithoutARackAreEachARackOfTheirOwn() {
    List<BrokerModel> noRacks = List.of(broker(1, ""), broker(2, ""), broker(3, ""));

    assertThat(goal.violations(state(noRacks, partition("t", 0, 1, 1, 2, 3)))).isZero();
  }

  @Test
  void acceptsMovesWithinARackOrToAnEmptyRackButNotIntoAnOccupiedOne() {
    BalancingState state = state(THREE_RACKS, partition("t", 0, 1, 1, 3, 5));
    int replicaOnA = slot(state, 0, 1);

    assertThat(goal.acceptsMove(state, replicaOnA, index(state, 2))).as("same rack").isTrue();
    assertThat(goal.acceptsMove(state, replicaOnA, index(state, 4)))
        .as("rack b already has one")
        .isFalse();
    assertThat(goal.moveBenefit(state, replicaOnA, index(state, 4))).isEqualTo(-1);
  }

  @Test
  void aMoveThatSpreadsAnOverloadedRackIsAcceptedAndHelps() {
    BalancingState state = state(THREE_RACKS, partition("t", 0, 1, 1, 2, 3));

    assertThat(goal.acceptsMove(state, slot(state, 0, 2), index(state, 5))).isTrue();
    assertThat(goal.moveBenefit(state, slot(state, 0, 2), index(state, 5))).isEqualTo(1);
  }

  @Test
  void optimizeSpreadsReplicasOverTheRacks() {
    BalancingState state =
        state(THREE_RACKS, partition("t", 0, 1, 1, 2, 3), partition("t", 1, 1, 3, 4, 5));

    goal.optimize(state, GoalContext.of(List.of(new ReplicaEvacuation(), goal), 1, state, 0));

    assertThat(goal.violations(state)).isZero();
    state.verifyBookkeeping();
  }

  @Test
  void morePerRackThanTheRacksCanHoldIsReported() {
    // RF 5 over racks of 3, 1 and 1 brokers: at most 2 + 1 + 1 replicas fit.
    List<BrokerModel> brokers =
        List.of(broker(1, "a"), broker(2, "a"), broker(3, "a"), broker(4, "b"), broker(5, "c"));
    BalancingState state = state(brokers, partition("t", 0, 1, 1, 2, 3, 4, 5));

    goal.optimize(state, GoalContext.of(List.of(new ReplicaEvacuation(), goal), 1, state, 0));

    assertThat(goal.violations(state)).isEqualTo(1);
    assertThat(goal.detail(state)).contains("add brokers in other racks");
  }
}
