package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/** Soft: the partitions led per alive broker lie within a band around the mean. */
public final class LeaderDistribution extends DistributionGoal {

  /**
   * @param upperThreshold how far above the mean a broker may be, as a share of it (0.10)
   * @param lowerThreshold how far below the mean a broker may be, as a share of it (0.20)
   */
  public LeaderDistribution(double upperThreshold, double lowerThreshold) {
    super(Resource.LEADERS, upperThreshold, lowerThreshold);
  }

  @Override
  public String name() {
    return "LeaderDistribution";
  }
}
