package io.stratus.balancer.goals;

import java.util.Arrays;

/**
 * Evens out one resource that leaders carry (leaders, network out) with actions that copy nothing:
 * leadership transfers to another replica of a partition, and leadership swaps, in which two
 * brokers exchange the leadership of one partition each so that neither's leader count changes. It
 * aims at the goal's tight band (see {@link ResourceGoal#TIGHT_SHARE}), and takes only actions that
 * score above zero: past the band they are refinements, not needs.
 *
 * <p>Used by one goal for one run; not thread-safe.
 */
final class LeadershipBalancer {

  private static final int LEADERSHIP_SWAPS = 64;
  private static final double MINIMUM_GAIN = 1e-15;

  private final BalancingState state;
  private final GoalContext context;
  private final ResourceGoal goal;
  private final ScoredHeap heap = new ScoredHeap();

  LeadershipBalancer(BalancingState state, GoalContext context, ResourceGoal goal) {
    this.state = state;
    this.context = context;
    this.goal = goal;
  }

  /**
   * Leadership transfers, then leadership swaps, for every broker outside its tight band (see
   * {@link ResourceGoal#TIGHT_SHARE}).
   */
  boolean pass() {
    boolean any = false;
    for (int src : OutsideBrokers.of(state, goal, context, true, true)) {
      any |= shedLeadership(src);
      for (int i = 0; i < LEADERSHIP_SWAPS && goal.over(state, src, true); i++) {
        if (!swapLeadership(src)) {
          break;
        }
        any = true;
      }
    }
    if (goal.fills()) {
      for (int dst : OutsideBrokers.of(state, goal, context, false, true)) {
        any |= fillLeadership(dst);
        for (int i = 0; i < LEADERSHIP_SWAPS && goal.under(state, dst, true); i++) {
          if (!swapLeadership(dst)) {
            break;
          }
          any = true;
        }
      }
    }
    return any;
  }

  /**
   * Exchanges leadership between {@code broker} and another alive broker: a heavier leader goes to
   * the broker that is lighter for this resource and a lighter one comes back, so that neither
   * broker's leader count changes. Looks at every partition the broker leads or follows, grouped by
   * the other broker involved, and takes the best pair, if any helps.
   */
  private boolean swapLeadership(int broker) {
    int[] slots = state.slots(broker);
    int n = state.slotCount(broker);
    // give: slots on other brokers that could take over a partition this broker leads;
    // take: slots on this broker that could take over a partition another broker leads.
    int[] give = new int[n * 4];
    int[] take = new int[n];
    int gives = 0;
    int takes = 0;
    for (int i = 0; i < n; i++) {
      int slot = slots[i];
      int p = state.partitionOf(slot);
      if (state.isLeader(slot)) {
        for (int t = state.slotStart(p), end = state.slotStart(p + 1); t < end; t++) {
          if (t != slot && state.isAlive(state.brokerOf(t))) {
            if (gives == give.length) {
              give = Arrays.copyOf(give, gives * 2);
            }
            give[gives++] = t;
          }
        }
      } else if (state.isAlive(state.brokerOf(state.leaderSlot(p)))) {
        take[takes++] = slot;
      }
    }
    int[] byGiveBroker = groupByBroker(give, gives, false);
    int[] byTakeBroker = groupByBroker(take, takes, true);
    int bestP = -1;
    int bestQ = -1;
    double best = 0;
    int i = 0;
    int j = 0;
    while (i < gives && j < takes) {
      int giveBroker = state.brokerOf(give[byGiveBroker[i]]);
      int takeBroker = state.brokerOf(state.leaderSlot(state.partitionOf(take[byTakeBroker[j]])));
      if (giveBroker < takeBroker) {
        i++;
        continue;
      }
      if (takeBroker < giveBroker) {
        j++;
        continue;
      }
      int iEnd = i;
      while (iEnd < gives && state.brokerOf(give[byGiveBroker[iEnd]]) == giveBroker) {
        iEnd++;
      }
      int jEnd = j;
      while (jEnd < takes
          && state.brokerOf(state.leaderSlot(state.partitionOf(take[byTakeBroker[jEnd]])))
              == takeBroker) {
        jEnd++;
      }
      for (int a = i; a < iEnd; a++) {
        for (int b = j; b < jEnd; b++) {
          int newLeaderP = give[byGiveBroker[a]];
          int newLeaderQ = take[byTakeBroker[b]];
          double reduction = goal.leadershipSwapReduction(state, newLeaderP, newLeaderQ, true);
          if (reduction <= MINIMUM_GAIN) {
            continue;
          }
          double score = context.scoreLeadershipSwap(state, newLeaderP, newLeaderQ, reduction);
          if (score > best
              && goal.acceptsLeadershipSwap(state, newLeaderP, newLeaderQ)
              && context.acceptsLeadershipSwap(state, newLeaderP, newLeaderQ)) {
            best = score;
            bestP = newLeaderP;
            bestQ = newLeaderQ;
          }
        }
      }
      i = iEnd;
      j = jEnd;
    }
    if (bestP < 0) {
      return false;
    }
    state.swapLeadership(bestP, bestQ);
    return true;
  }

  /**
   * The positions {@code 0..count-1} of {@code slots} ordered by the broker they involve: the
   * slot's own broker, or (for {@code leaderBroker}) the broker leading the slot's partition.
   */
  private int[] groupByBroker(int[] slots, int count, boolean leaderBroker) {
    Integer[] order = new Integer[count];
    int[] brokers = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
      brokers[i] =
          leaderBroker
              ? state.brokerOf(state.leaderSlot(state.partitionOf(slots[i])))
              : state.brokerOf(slots[i]);
    }
    Arrays.sort(
        order,
        (x, y) -> brokers[x] != brokers[y] ? Integer.compare(brokers[x], brokers[y]) : x - y);
    int[] result = new int[count];
    for (int i = 0; i < count; i++) {
      result[i] = order[i];
    }
    return result;
  }

  private boolean shedLeadership(int src) {
    heap.clear();
    int[] slots = state.slots(src);
    for (int i = 0, n = state.slotCount(src); i < n; i++) {
      int slot = slots[i];
      if (!state.isLeader(slot)) {
        continue;
      }
      int p = state.partitionOf(slot);
      for (int t = state.slotStart(p), end = state.slotStart(p + 1); t < end; t++) {
        if (t != slot && state.isAlive(state.brokerOf(t))) {
          double score = leadershipScore(t);
          if (score > 0) {
            heap.push(t, score);
          }
        }
      }
    }
    return applyLeadership(src, true);
  }

  private boolean fillLeadership(int dst) {
    heap.clear();
    int[] slots = state.slots(dst);
    for (int i = 0, n = state.slotCount(dst); i < n; i++) {
      int slot = slots[i];
      if (!state.isLeader(slot)) {
        double score = leadershipScore(slot);
        if (score > 0) {
          heap.push(slot, score);
        }
      }
    }
    return applyLeadership(dst, false);
  }

  private boolean applyLeadership(int broker, boolean shedding) {
    boolean any = false;
    int budget = 4 * heap.size() + 16;
    while (!heap.isEmpty() && budget-- > 0) {
      if (shedding ? !goal.over(state, broker, true) : !goal.under(state, broker, true)) {
        break;
      }
      int t = heap.pop();
      int p = state.partitionOf(t);
      if (state.isLeader(t) || (shedding && state.brokerOf(state.leaderSlot(p)) != broker)) {
        continue;
      }
      double score = leadershipScore(t);
      if (!(score > 0)) {
        continue;
      }
      if (!heap.isEmpty() && score < heap.topScore()) {
        heap.push(t, score);
        continue;
      }
      if (goal.acceptsLeadership(state, t) && context.acceptsLeadership(state, t)) {
        state.transferLeadership(t);
        any = true;
      }
    }
    return any;
  }

  private double leadershipScore(int newLeaderSlot) {
    double reduction = goal.leadershipReduction(state, newLeaderSlot, true);
    if (reduction <= MINIMUM_GAIN) {
      return Double.NaN;
    }
    return context.scoreLeadership(state, newLeaderSlot, reduction);
  }
}
