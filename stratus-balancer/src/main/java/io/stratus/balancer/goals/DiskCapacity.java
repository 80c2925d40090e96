package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/**
 * Hard: the disk bytes by every alive broker stay at or below its {@code diskBytes} capacity times
 * the utilisation limit.
 */
public final class DiskCapacity extends CapacityGoal {

  /**
   * @param utilisationLimit the share of capacity a broker may use
   */
  public DiskCapacity(double utilisationLimit) {
    super(Resource.DISK, utilisationLimit);
  }

  @Override
  public String name() {
    return "DiskCapacity";
  }
}
