package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/**
 * Hard: the bytes per second written to it by every alive broker stay at or below its {@code
 * networkInBytesPerSecond} capacity times the utilisation limit.
 */
public final class NetworkInCapacity extends CapacityGoal {

  /**
   * @param utilisationLimit the share of capacity a broker may use
   */
  public NetworkInCapacity(double utilisationLimit) {
    super(Resource.NETWORK_IN, utilisationLimit);
  }

  @Override
  public String name() {
    return "NetworkInCapacity";
  }
}
