package io.stratus.balancer.synthetic;

import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.HashMap;
import java.util.Map;

/**
 * The fewest bytes any plan must copy to balance disk: for the overloaded alive brokers to come
 * down to {@code mean × (1 + upper)}, the bytes above that must leave them, and every local byte on
 * a draining or dead broker must move. The mean is every replica's local bytes over the alive
 * brokers. It is a bound, not a plan: filling brokers below the mean is not counted. Pure;
 * thread-safe.
 */
public final class LowerBound {

  private LowerBound() {}

  /** The lower bound in bytes for {@code model} with upper threshold {@code upper} (e.g. 0.10). */
  public static long bytes(ClusterModel model, double upper) {
    Map<Integer, Long> disk = new HashMap<>();
    double total = 0;
    for (PartitionModel partition : model.partitions()) {
      for (int broker : partition.replicas()) {
        disk.merge(broker, partition.localBytes(), Long::sum);
      }
      total += (double) partition.localBytes() * partition.replicas().size();
    }
    long alive = model.brokers().stream().filter(b -> b.health().acceptsReplicas()).count();
    double limit = alive == 0 ? 0 : total / alive * (1 + upper);
    double bound = 0;
    for (BrokerModel broker : model.brokers()) {
      long bytes = disk.getOrDefault(broker.id(), 0L);
      bound += broker.health().acceptsReplicas() ? Math.max(0, bytes - limit) : bytes;
    }
    return Math.round(bound);
  }
}
