package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.Locale;

/**
 * A hard goal: every alive broker's load for one resource stays at or below its capacity times a
 * utilisation limit. Brokers above it shed load to the brokers with the most room; nothing is
 * pulled onto a broker.
 */
abstract class CapacityGoal extends ResourceGoal {

  private final double utilisationLimit;

  CapacityGoal(Resource resource, double utilisationLimit) {
    super(resource);
    if (!(utilisationLimit > 0)) {
      throw new IllegalArgumentException(
          name() + " utilisation limit must be above 0, got " + utilisationLimit);
    }
    this.utilisationLimit = utilisationLimit;
  }

  /** The share of capacity a broker may use, e.g. 0.8. */
  public double utilisationLimit() {
    return utilisationLimit;
  }

  @Override
  void bands(BalancingState state) {
    for (int b = 0; b < state.brokerCount(); b++) {
      double limit = state.capacity(resource, b) * utilisationLimit;
      if (resource == Resource.REPLICAS) {
        limit = Math.floor(limit + 1e-9);
      }
      upper[b] = limit;
      lower[b] = Double.NEGATIVE_INFINITY;
    }
  }

  @Override
  boolean fills() {
    return false;
  }

  @Override
  boolean evensPairs() {
    return false;
  }

  @Override
  boolean pullsToMean() {
    return false;
  }

  @Override
  public boolean hard() {
    return true;
  }

  @Override
  String describeBand(BalancingState state, int outside) {
    return String.format(
        Locale.ROOT,
        "%d broker%s above %.0f%% of %s capacity",
        outside,
        outside == 1 ? "" : "s",
        utilisationLimit * 100,
        resource.key());
  }

  @Override
  String hint() {
    return "; no other alive broker can take the load within its own limit: add brokers or"
        + " capacity";
  }
}
