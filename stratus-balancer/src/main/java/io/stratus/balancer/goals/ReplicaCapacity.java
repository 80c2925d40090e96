package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/**
 * Hard: the replicas hosted by every alive broker stay at or below its {@code maxReplicas} capacity
 * times the utilisation limit.
 */
public final class ReplicaCapacity extends CapacityGoal {

  /**
   * @param utilisationLimit the share of capacity a broker may use
   */
  public ReplicaCapacity(double utilisationLimit) {
    super(Resource.REPLICAS, utilisationLimit);
  }

  @Override
  public String name() {
    return "ReplicaCapacity";
  }
}
