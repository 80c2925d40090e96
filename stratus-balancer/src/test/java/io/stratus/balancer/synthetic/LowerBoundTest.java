package io.stratus.balancer.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowerBoundTest {

  private static final BrokerCapacity CAPACITY = new BrokerCapacity(1L << 40, 1e9, 1e9, 1000);

  private static BrokerModel broker(int id, BrokerHealth health) {
    return new BrokerModel(id, "r" + id, CAPACITY, health);
  }

  private static PartitionModel partition(int p, long bytes, int broker) {
    return new PartitionModel("t", p, List.of(broker), broker, bytes, 0, 0, 0);
  }

  @Test
  void countsWhatOverloadedBrokersHoldAboveTheBand() {
    // 1,000 + 300 + 200 + 100 = 1,600 over 4 brokers: mean 400, band top 440
    ClusterModel model =
        new ClusterModel(
            List.of(
                broker(1, BrokerHealth.ALIVE),
                broker(2, BrokerHealth.ALIVE),
                broker(3, BrokerHealth.ALIVE),
                broker(4, BrokerHealth.ALIVE)),
            List.of(
                partition(0, 1000, 1),
                partition(1, 300, 2),
                partition(2, 200, 3),
                partition(3, 100, 4)));

    assertThat(LowerBound.bytes(model, 0.10)).isEqualTo(560);
  }

  @Test
  void countsEveryByteOnDrainingAndDeadBrokers() {
    // 300 over 2 alive brokers: mean 150, band top 165; broker 3 must give up 100
    ClusterModel model =
        new ClusterModel(
            List.of(
                broker(1, BrokerHealth.ALIVE),
                broker(2, BrokerHealth.ALIVE),
                broker(3, BrokerHealth.DRAINING)),
            List.of(partition(0, 100, 1), partition(1, 100, 2), partition(2, 100, 3)));

    assertThat(LowerBound.bytes(model, 0.10)).isEqualTo(100);
  }
}
