package io.stratus.balancer.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.balancer.model.BrokerLoad;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {

  private final ClusterModel model = SyntheticCluster.generate(20, 2000, 3, 1);

  @Test
  void hasTheBrokersAndPartitionsAskedFor() {
    assertThat(model.brokers()).hasSize(20);
    assertThat(model.partitions()).hasSize(2000);
    assertThat(model.brokers())
        .extracting(BrokerModel::rack)
        .containsOnly("rack-0", "rack-1", "rack-2");
  }

  @Test
  void aFifthOfTheBrokersAreNewAndEmpty() {
    Map<Integer, BrokerLoad> loads = model.brokerLoads();

    assertThat(loads.entrySet().stream().filter(e -> e.getValue().replicas() == 0))
        .extracting(Map.Entry::getKey)
        .containsExactly(17, 18, 19, 20);
  }

  @Test
  void everyPartitionHasThreeReplicasOnDistinctRacksLedByTheFirst() {
    Map<Integer, String> racks =
        model.brokers().stream().collect(Collectors.toMap(BrokerModel::id, BrokerModel::rack));
    for (PartitionModel partition : model.partitions()) {
      assertThat(partition.replicas()).hasSize(3);
      assertThat(partition.replicas().stream().map(racks::get).distinct().count()).isEqualTo(3);
      assertThat(partition.leader()).isEqualTo(partition.replicas().get(0));
    }
  }

  @Test
  void topicsHaveOneToAHundredPartitionsNumberedFromZero() {
    Map<String, Long> sizes =
        model.partitions().stream()
            .collect(Collectors.groupingBy(PartitionModel::topic, Collectors.counting()));

    assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 100L));
    assertThat(sizes.size()).isGreaterThan(20);
  }

  @Test
  void loadIsHeavyTailed() {
    double[] bytes =
        model.partitions().stream().mapToDouble(PartitionModel::localBytes).sorted().toArray();
    double median = bytes[bytes.length / 2];
    double mean = java.util.Arrays.stream(bytes).average().orElseThrow();

    assertThat(mean)
        .as("a long right tail pulls the mean above the median")
        .isGreaterThan(median * 1.3);
    assertThat(bytes[bytes.length - 1]).isGreaterThan(median * 20);
  }

  @Test
  void capacityIsTwoAndAHalfTimesTheMeanLoadPerBroker() {
    double disk =
        model.partitions().stream().mapToDouble(p -> (double) p.localBytes() * 3).sum() / 20;

    assertThat((double) model.brokers().get(0).capacity().diskBytes())
        .isCloseTo(disk * 2.5, within(disk * 0.001));
    assertThat(model.brokers().get(0).capacity().maxReplicas()).isEqualTo(750);
  }

  @Test
  void theSameArgumentsGiveTheSameCluster() {
    assertThat(SyntheticCluster.generate(20, 2000, 3, 1)).isEqualTo(model);
    assertThat(SyntheticCluster.generate(20, 2000, 3, 2)).isNotEqualTo(model);
  }

  @Test
  void badSizesAreRefusedByName() {
    assertThatThrownBy(() -> SyntheticCluster.generate(1, 10, 1, 0))
        .hasMessage("a synthetic cluster needs 2 brokers or more, got 1");
    assertThatThrownBy(() -> SyntheticCluster.generate(10, 10, 11, 0))
        .hasMessage("racks must be from 1 to the number of brokers (10), got 11");
  }
}
