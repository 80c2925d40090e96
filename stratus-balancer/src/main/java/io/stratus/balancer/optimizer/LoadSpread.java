package io.stratus.balancer.optimizer;

import io.stratus.balancer.goals.BalancingState;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan.Spread;
import java.util.EnumMap;
import java.util.Map;

/**
 * The most loaded and the mean alive broker per resource, with the optimizer's load semantics: a
 * partition without a leader is led by its first alive replica, and a dead broker leads nothing.
 * Pure; thread-safe.
 */
public final class LoadSpread {

  private LoadSpread() {}

  /** The spread of {@code model} as it stands. */
  public static Map<Resource, Spread> of(ClusterModel model) {
    return of(BalancingState.of(model));
  }

  static Map<Resource, Spread> of(BalancingState state) {
    Map<Resource, Spread> spreads = new EnumMap<>(Resource.class);
    for (Resource resource : Resource.values()) {
      double max = 0;
      double sum = 0;
      for (int b = 0; b < state.brokerCount(); b++) {
        if (state.isAlive(b)) {
          double load = state.load(resource, b);
          max = Math.max(max, load);
          sum += load;
        }
      }
      int alive = state.aliveCount();
      spreads.put(resource, new Spread(alive == 0 ? 0 : max, alive == 0 ? 0 : sum / alive));
    }
    return spreads;
  }
}
