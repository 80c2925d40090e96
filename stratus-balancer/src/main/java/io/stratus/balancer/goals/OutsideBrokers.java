package io.stratus.balancer.goals;

import java.util.Arrays;

/** The alive brokers outside a resource goal's band, in the order a balancer visits them. */
final class OutsideBrokers {

  private OutsideBrokers() {}

  /**
   * The alive brokers above (or below) their band, or their tight band, the furthest outside first;
   * brokers equally far in the seeded order of {@link GoalContext#tieRank}.
   */
  static int[] of(
      BalancingState state, ResourceGoal goal, GoalContext context, boolean above, boolean tight) {
    int[] alive = state.aliveBrokers();
    int count = 0;
    int[] brokers = new int[alive.length];
    double[] keys = new double[state.brokerCount()];
    for (int b : alive) {
      double load = state.load(goal.r, b);
      if (above ? goal.over(state, b, tight) : goal.under(state, b, tight)) {
        keys[b] = above ? load - goal.upper[b] : goal.lower[b] - load;
        brokers[count++] = b;
      }
    }
    Integer[] boxed = new Integer[count];
    for (int i = 0; i < count; i++) {
      boxed[i] = brokers[i];
    }
    Arrays.sort(
        boxed,
        (x, y) -> {
          int byKey = Double.compare(keys[y], keys[x]);
          return byKey != 0 ? byKey : Integer.compare(context.tieRank(x), context.tieRank(y));
        });
    int[] sorted = new int[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = boxed[i];
    }
    return sorted;
  }
}
