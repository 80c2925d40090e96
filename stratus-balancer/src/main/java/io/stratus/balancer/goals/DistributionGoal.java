package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.Locale;

/**
 * A soft goal: every alive broker's load for one resource lies within {@code mean × (1 − lower)}
 * and {@code mean × (1 + upper)}, the mean taken over alive brokers of the whole cluster's load.
 * For counted resources (replicas, leaders) the band is widened to whole numbers: it always admits
 * the ceiling and the floor of the mean, so a mean of 2.3 replicas permits 3.
 */
abstract class DistributionGoal extends ResourceGoal {

  private final double upperThreshold;
  private final double lowerThreshold;

  DistributionGoal(Resource resource, double upperThreshold, double lowerThreshold) {
    super(resource);
    if (!(upperThreshold >= 0) || !(lowerThreshold >= 0) || lowerThreshold > 1) {
      throw new IllegalArgumentException(
          "distribution thresholds must be upper ≥ 0 and 0 ≤ lower ≤ 1, got upper="
              + upperThreshold
              + " lower="
              + lowerThreshold);
    }
    this.upperThreshold = upperThreshold;
    this.lowerThreshold = lowerThreshold;
  }

  @Override
  void bands(BalancingState state) {
    double high = mean * (1 + upperThreshold);
    double low = mean * (1 - lowerThreshold);
    if (resource == Resource.REPLICAS || resource == Resource.LEADERS) {
      high = Math.max(Math.floor(high + 1e-9), Math.ceil(mean - 1e-9));
      low = Math.min(Math.ceil(low - 1e-9), Math.floor(mean + 1e-9));
    }
    java.util.Arrays.fill(upper, high);
    java.util.Arrays.fill(lower, low);
  }

  @Override
  void tightBands(BalancingState state) {
    if (resource != Resource.LEADERS && resource != Resource.NETWORK_OUT) {
      return;
    }
    double high = mean + TIGHT_SHARE * (upperLimit() - mean);
    double low = mean - TIGHT_SHARE * (mean - lowerLimit());
    if (resource == Resource.LEADERS) {
      high = Math.max(Math.floor(high + 1e-9), Math.ceil(mean - 1e-9));
      low = Math.min(Math.ceil(low - 1e-9), Math.floor(mean + 1e-9));
    }
    java.util.Arrays.fill(upperTight, high);
    java.util.Arrays.fill(lowerTight, low);
  }

  /** The lowest load an alive broker may carry. */
  public double lowerLimit() {
    return lower.length == 0 ? 0 : lower[0];
  }

  /** The highest load an alive broker may carry. */
  public double upperLimit() {
    return upper.length == 0 ? 0 : upper[0];
  }

  @Override
  boolean fills() {
    return true;
  }

  @Override
  boolean evensPairs() {
    return true;
  }

  @Override
  boolean pullsToMean() {
    return true;
  }

  @Override
  public boolean hard() {
    return false;
  }

  /** The most loaded alive broker over the mean (1.0 is perfectly even). */
  @Override
  public double severity(BalancingState state) {
    double max = 0;
    for (int b : state.aliveBrokers()) {
      max = Math.max(max, state.load(r, b));
    }
    return mean > 0 ? max / mean : 0;
  }

  @Override
  public double toleratedSeverity() {
    return mean > 0 && upper.length > 0 ? upper[0] / mean : 0;
  }

  @Override
  String describeBand(BalancingState state, int outside) {
    return String.format(
        Locale.ROOT,
        "%d broker%s outside %s–%s %s (mean %s)",
        outside,
        outside == 1 ? "" : "s",
        format(lowerLimit()),
        format(upperLimit()),
        resource.key(),
        format(mean));
  }

  @Override
  String hint() {
    return "; the goals before this one leave no move that brings them inside";
  }
}
