package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/**
 * Hard: the bytes per second read from it by every alive broker stay at or below its {@code
 * networkOutBytesPerSecond} capacity times the utilisation limit.
 */
public final class NetworkOutCapacity extends CapacityGoal {

  /**
   * @param utilisationLimit the share of capacity a broker may use
   */
  public NetworkOutCapacity(double utilisationLimit) {
    super(Resource.NETWORK_OUT, utilisationLimit);
  }

  @Override
  public String name() {
    return "NetworkOutCapacity";
  }
}
