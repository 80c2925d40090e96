package io.stratus.balancer.goals;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.List;

/** Small hand-made brokers and partitions for goal tests. */
final class Clusters {

  /** 1 TB of disk, 1 GB/s each way, 1,000 replicas: never the limit unless a test says so. */
  static final BrokerCapacity LARGE = new BrokerCapacity(1L << 40, 1e9, 1e9, 1000);

  private Clusters() {}

  static BrokerModel broker(int id, String rack) {
    return new BrokerModel(id, rack, LARGE, BrokerHealth.ALIVE);
  }

  static BrokerModel broker(int id, String rack, BrokerHealth health) {
    return new BrokerModel(id, rack, LARGE, health);
  }

  static BrokerModel broker(int id, String rack, BrokerCapacity capacity) {
    return new BrokerModel(id, rack, capacity, BrokerHealth.ALIVE);
  }

  /**
   * A partition of {@code bytes} local bytes, 1 MB/s in and 2 MB/s out, led by its first replica.
   */
  static PartitionModel partition(String topic, int partition, long bytes, Integer... replicas) {
    return new PartitionModel(topic, partition, List.of(replicas), replicas[0], bytes, 0, 1e6, 2e6);
  }

  /** A partition with the given rates, led by its first replica. */
  static PartitionModel loaded(
      String topic, int partition, long bytes, double in, double out, Integer... replicas) {
    return new PartitionModel(topic, partition, List.of(replicas), replicas[0], bytes, 0, in, out);
  }

  /** The slot of partition {@code p}'s replica on broker id {@code brokerId}. */
  static int slot(BalancingState state, int p, int brokerId) {
    for (int i = 0; i < state.replicationFactor(p); i++) {
      if (state.brokerId(state.replicaBroker(p, i)) == brokerId) {
        return state.slotStart(p) + i;
      }
    }
    throw new IllegalArgumentException("partition " + p + " has no replica on " + brokerId);
  }

  /** The index of broker id {@code brokerId}. */
  static int index(BalancingState state, int brokerId) {
    for (int b = 0; b < state.brokerCount(); b++) {
      if (state.brokerId(b) == brokerId) {
        return b;
      }
    }
    throw new IllegalArgumentException("no broker " + brokerId);
  }
}
