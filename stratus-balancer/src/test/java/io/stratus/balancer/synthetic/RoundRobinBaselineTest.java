package io.stratus.balancer.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka's own examples from {@code AdminUtils}' Javadoc, and the baseline built on them. */
class RoundRobinBaselineTest {

  private static final BrokerCapacity CAPACITY = new BrokerCapacity(1L << 40, 1e9, 1e9, 1000);

  private static BrokerModel broker(int id, String rack) {
    return new BrokerModel(id, rack, CAPACITY, BrokerHealth.ALIVE);
  }

  // 0 -> rack1, 1 -> rack3, 2 -> rack3, 3 -> rack2, 4 -> rack2, 5 -> rack1
  private static final List<BrokerModel> KAFKA_EXAMPLE =
      List.of(
          broker(0, "rack1"),
          broker(1, "rack3"),
          broker(2, "rack3"),
          broker(3, "rack2"),
          broker(4, "rack2"),
          broker(5, "rack1"));

  @Test
  void brokersAlternateByRackAsInKafkasExample() {
    assertThat(RoundRobinBaseline.rackAlternated(KAFKA_EXAMPLE)).containsExactly(0, 3, 1, 5, 4, 2);
  }

  @Test
  void rackAwareAssignmentMatchesKafkasExample() {
    Map<Integer, String> racks =
        Map.of(0, "rack1", 1, "rack3", 2, "rack3", 3, "rack2", 4, "rack2", 5, "rack1");

    List<List<Integer>> assigned =
        RoundRobinBaseline.assignRackAware(7, 3, List.of(0, 3, 1, 5, 4, 2), racks, 3, 0, 0);

    assertThat(assigned)
        .containsExactly(
            List.of(0, 3, 1),
            List.of(3, 1, 5),
            List.of(1, 5, 4),
            List.of(5, 4, 2),
            List.of(4, 2, 0),
            List.of(2, 0, 3),
            List.of(0, 4, 2));
  }

  @Test
  void rackUnawareAssignmentMatchesKafkasTable() {
    List<List<Integer>> assigned =
        RoundRobinBaseline.assignRackUnaware(10, 3, List.of(0, 1, 2, 3, 4), 0, 0);

    assertThat(assigned.get(0)).containsExactly(0, 1, 2);
    assertThat(assigned.get(4)).containsExactly(4, 0, 1);
    assertThat(assigned.get(5)).as("the shift grows after a round").containsExactly(0, 2, 3);
    assertThat(assigned.get(9)).containsExactly(4, 1, 2);
  }

  @Test
  void placesEveryTopicOverTheAliveBrokersAndKeepsTheLoad() {
    List<BrokerModel> brokers =
        List.of(
            broker(1, "a"),
            broker(2, "b"),
            broker(3, "c"),
            new BrokerModel(4, "a", CAPACITY, BrokerHealth.DRAINING));
    List<PartitionModel> partitions =
        List.of(
            new PartitionModel("t", 0, List.of(1, 2, 4), 4, 100, 5, 1, 2),
            new PartitionModel("t", 1, List.of(2, 4, 1), 2, 200, 5, 1, 2));
    ClusterModel model = new ClusterModel(brokers, partitions);

    ClusterModel baseline = RoundRobinBaseline.assign(model, 1);

    assertThat(baseline.brokers()).isEqualTo(brokers);
    for (int i = 0; i < 2; i++) {
      PartitionModel placed = baseline.partitions().get(i);
      assertThat(placed.replicas()).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(placed.leader()).isEqualTo(placed.replicas().get(0));
      assertThat(placed.localBytes()).isEqualTo(partitions.get(i).localBytes());
    }
    assertThat(RoundRobinBaseline.assign(model, 1)).isEqualTo(baseline);
  }

  @Test
  void theBytesToMoveCountEveryAddedReplica() {
    ClusterModel model = SyntheticCluster.generate(10, 200, 3, 4);
    ClusterModel baseline = RoundRobinBaseline.assign(model, 4);

    long bytes = PlacementCost.bytesToMove(model, baseline);

    assertThat(bytes).isPositive();
    assertThat(PlacementCost.bytesToMove(model, model)).isZero();
  }
}
