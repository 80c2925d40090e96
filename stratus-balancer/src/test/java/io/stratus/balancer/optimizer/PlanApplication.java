package io.stratus.balancer.optimizer;

import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.Spread;
import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan applied to its model the way the executor would (new replica lists, their first entry
 * leading), and the load per broker recomputed from the partitions, independently of the
 * optimizer's bookkeeping.
 */
final class PlanApplication {

  private PlanApplication() {}

  static ClusterModel apply(ClusterModel model, BalancePlan plan) {
    Map<String, PartitionMove> moves = new HashMap<>();
    for (PartitionMove move : plan.moves()) {
      moves.put(move.topic() + "-" + move.partition(), move);
    }
    List<PartitionModel> partitions = new ArrayList<>();
    for (PartitionModel partition : model.partitions()) {
      PartitionMove move = moves.get(partition.name());
      partitions.add(
          move == null
              ? partition
              : new PartitionModel(
                  partition.topic(),
                  partition.partition(),
                  move.newReplicas(),
                  move.newLeader(),
                  partition.localBytes(),
                  partition.remoteBytes(),
                  partition.bytesInPerSecond(),
                  partition.bytesOutPerSecond()));
    }
    return new ClusterModel(model.brokers(), partitions);
  }

  /**
   * Max and mean over alive brokers per resource: a partition without a leader is led by its first
   * alive replica, and a dead broker leads nothing.
   */
  static Map<Resource, Spread> spread(ClusterModel model) {
    Map<Integer, BrokerModel> brokers = new HashMap<>();
    Map<Integer, double[]> loads = new HashMap<>();
    for (BrokerModel broker : model.brokers()) {
      brokers.put(broker.id(), broker);
      loads.put(broker.id(), new double[Resource.values().length]);
    }
    for (PartitionModel partition : model.partitions()) {
      int leader = partition.leader();
      if (leader == PartitionModel.NO_LEADER) {
        leader =
            partition.replicas().stream()
                .filter(b -> brokers.get(b).health() == BrokerHealth.ALIVE)
                .findFirst()
                .orElse(PartitionModel.NO_LEADER);
      }
      for (int replica : partition.replicas()) {
        double[] load = loads.get(replica);
        load[Resource.REPLICAS.ordinal()] += 1;
        load[Resource.DISK.ordinal()] += partition.localBytes();
        load[Resource.NETWORK_IN.ordinal()] += partition.bytesInPerSecond();
        if (replica == leader && brokers.get(replica).health() != BrokerHealth.DEAD) {
          load[Resource.LEADERS.ordinal()] += 1;
          load[Resource.NETWORK_OUT.ordinal()] += partition.leaderBytesOutPerSecond();
        }
      }
    }
    Map<Resource, Spread> spreads = new EnumMap<>(Resource.class);
    for (Resource resource : Resource.values()) {
      double max = 0;
      double sum = 0;
      int alive = 0;
      for (BrokerModel broker : model.brokers()) {
        if (broker.health() == BrokerHealth.ALIVE) {
          double load = loads.get(broker.id())[resource.ordinal()];
          max = Math.max(max, load);
          sum += load;
          alive++;
        }
      }
      spreads.put(resource, new Spread(max, alive == 0 ? 0 : sum / alive));
    }
    return spreads;
  }
}
