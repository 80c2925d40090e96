package io.stratus.balancer.goals;

import static io.stratus.balancer.goals.Clusters.broker;
import static io.stratus.balancer.goals.Clusters.index;
import static io.stratus.balancer.goals.Clusters.loaded;
import static io.stratus.balancer.goals.Clusters.partition;
import static io.stratus.balancer.goals.Clusters.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.model.Resource;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BalancingStateTest {

  @Test
  void everyReplicaCarriesDiskAndNetworkInAndOnlyTheLeaderCarriesNetworkOut() {
    ClusterModel model =
        new ClusterModel(
            List.of(broker(1, "a"), broker(2, "b"), broker(3, "c")),
            List.of(loaded("t", 0, 100, 10, 5, 1, 2, 3)));

    BalancingState state = BalancingState.of(model);

    for (int id : List.of(1, 2, 3)) {
      int b = index(state, id);
      assertThat(state.load(Resource.REPLICAS, b)).isEqualTo(1);
      assertThat(state.load(Resource.DISK, b)).isEqualTo(100);
      assertThat(state.load(Resource.NETWORK_IN, b)).isEqualTo(10);
    }
    assertThat(state.load(Resource.LEADERS, index(state, 1))).isEqualTo(1);
    assertThat(state.load(Resource.NETWORK_OUT, index(state, 1)))
        .as("consumers plus two followers")
        .isEqualTo(5 + 2 * 10);
    assertThat(state.load(Resource.NETWORK_OUT, index(state, 2))).isZero();
  }

  @Test
  void aPartitionWithoutALeaderIsLedByItsFirstAliveReplica() {
    ClusterModel model =
        new ClusterModel(
            List.of(broker(1, "a", BrokerHealth.DEAD), broker(2, "b"), broker(3, "c")),
            List.of(
                new PartitionModel(
                    "t", 0, List.of(1, 2, 3), PartitionModel.NO_LEADER, 1, 0, 1, 1)));

    BalancingState state = BalancingState.of(model);

    assertThat(state.brokerId(state.replicaBroker(0, state.leaderPosition(0)))).isEqualTo(2);
    assertThat(state.load(Resource.LEADERS, index(state, 2))).isEqualTo(1);
  }

  @Test
  void aDeadLeaderCarriesNoLeaderLoadUntilLeadershipMoves() {
    ClusterModel model =
        new ClusterModel(
            List.of(broker(1, "a", BrokerHealth.DEAD), broker(2, "b"), broker(3, "c")),
            List.of(partition("t", 0, 1, 1, 2, 3)));
    BalancingState state = BalancingState.of(model);

    assertThat(state.load(Resource.LEADERS, index(state, 1))).isZero();
    assertThat(state.load(Resource.NETWORK_OUT, index(state, 1))).isZero();

    state.transferLeadership(slot(state, 0, 3));

    assertThat(state.load(Resource.LEADERS, index(state, 3))).isEqualTo(1);
    assertThat(state.load(Resource.LEADERS, index(state, 1))).isZero();
    state.verifyBookkeeping();
  }

  @Test
  void totalsCountEveryPartitionAsPlacedAndLedSoThatThresholdsStayConstant() {
    ClusterModel model =
        new ClusterModel(
            List.of(broker(1, "a", BrokerHealth.DEAD), broker(2, "b"), broker(3, "c")),
            List.of(partition("t", 0, 7, 1, 2)));

    BalancingState state = BalancingState.of(model);

    assertThat(state.total(Resource.LEADERS)).isEqualTo(1);
    assertThat(state.total(Resource.DISK)).isEqualTo(14);
    assertThat(state.mean(Resource.DISK)).as("over the two alive brokers").isEqualTo(7);
  }

  @Test
  void bookkeepingMatchesARecomputationAfterManyActions() {
    Random random = new Random(3);
    List<PartitionModel> partitions = new ArrayList<>();
    for (int p = 0; p < 200; p++) {
      List<Integer> brokers = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
      java.util.Collections.shuffle(brokers, random);
      partitions.add(
          new PartitionModel(
              "t" + p % 7,
              p,
              brokers.subList(0, 3),
              brokers.get(0),
              random.nextInt(1000),
              0,
              random.nextDouble() * 100,
              random.nextDouble() * 100));
    }
    ClusterModel model =
        new ClusterModel(
            List.of(
                broker(1, "a"),
                broker(2, "b"),
                broker(3, "c"),
                broker(4, "a"),
                broker(5, "b", BrokerHealth.DRAINING),
                broker(6, "c", BrokerHealth.DEAD)),
            partitions);
    BalancingState state = BalancingState.of(model);

    for (int i = 0; i < 2000; i++) {
      int p = random.nextInt(200);
      int s = state.slotStart(p) + random.nextInt(3);
      int dst = random.nextInt(4); // indices 0..3 are alive
      switch (random.nextInt(3)) {
        case 0:
          if (!state.hosts(p, dst)) {
            state.moveReplica(s, dst);
          }
          break;
        case 1:
          if (!state.isDead(state.brokerOf(s))) {
            state.transferLeadership(s);
          }
          break;
        default:
          int q = random.nextInt(200);
          int t = state.slotStart(q) + random.nextInt(3);
          if (p != q
              && state.isAlive(state.brokerOf(s))
              && state.isAlive(state.brokerOf(t))
              && !state.hosts(p, state.brokerOf(t))
              && !state.hosts(q, state.brokerOf(s))) {
            state.swap(s, t);
          }
      }
    }

    state.verifyBookkeeping();
  }

  @Test
  void aBookkeepingMismatchIsAnIllegalState() throws ReflectiveOperationException {
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a"), broker(2, "b")), List.of(partition("t", 0, 5, 1, 2))));
    Field load = BalancingState.class.getDeclaredField("load");
    load.setAccessible(true);
    ((double[][]) load.get(state))[Resource.DISK.ordinal()][0] += 1;

    assertThatThrownBy(state::verifyBookkeeping)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bookkeeping mismatch: broker 1 disk is 6.0 by action but 5.0");
  }

  @Test
  void aMoveOntoABrokerThatHostsThePartitionIsRefused() {
    BalancingState state =
        BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a"), broker(2, "b")), List.of(partition("t", 0, 5, 1, 2))));

    assertThatThrownBy(() -> state.moveReplica(slot(state, 0, 1), index(state, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t-0 already has a replica on broker 2");
  }
}
