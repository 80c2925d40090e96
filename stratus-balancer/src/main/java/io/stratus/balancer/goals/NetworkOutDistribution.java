package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/** Soft: the bytes per second read per alive broker lie within a band around the mean. */
public final class NetworkOutDistribution extends DistributionGoal {

  /**
   * @param upperThreshold how far above the mean a broker may be, as a share of it (0.10)
   * @param lowerThreshold how far below the mean a broker may be, as a share of it (0.20)
   */
  public NetworkOutDistribution(double upperThreshold, double lowerThreshold) {
    super(Resource.NETWORK_OUT, upperThreshold, lowerThreshold);
  }

  @Override
  public String name() {
    return "NetworkOutDistribution";
  }
}
