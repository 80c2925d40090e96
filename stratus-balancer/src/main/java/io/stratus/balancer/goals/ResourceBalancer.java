package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.Arrays;

/**
 * Brings every alive broker's load for one resource into its goal's band: brokers above it shed
 * load to lighter brokers, and (for distribution goals) brokers below it take load from heavier
 * ones. For leaders and network out, leadership transfers and leadership swaps, which copy nothing,
 * come first, aiming closer to the mean than the band (see {@link ResourceGoal#TIGHT_SHARE}).
 *
 * <p>Replicas move in sessions between one broker outside its band and one partner, round-robin
 * over the brokers outside their band. Partners are the lightest (heaviest) few of the cluster and
 * of the broker's own rack; a partner none of a probe of 32 replicas can reach is skipped without
 * scoring. A session scores every replica of the source once and takes the best first, re-scoring
 * each before it is taken so that the ranking follows the load as it changes. It stops when the
 * broker is back in its band, has moved 2 % of the mean, or the partner is no longer the lightest
 * (heaviest) by that margin: load spreads over several brokers instead of filling one, and the
 * overloaded brokers come down together. Every move must lower the goal's squared shortfall; score
 * only ranks. When no single move helps, a swap of one of the 48 heaviest replicas for one of the
 * lightest between the two brokers may.
 *
 * <p>Bookkeeping is the state's, so a session never recomputes a broker's load. Used by one goal
 * for one run; not thread-safe.
 */
final class ResourceBalancer {

  private static final int MAX_ROUNDS = 12;
  private static final int PARTNERS = 8;
  private static final int PROBE = 32;
  private static final int SWAP_CANDIDATES = 48;
  private static final double QUANTUM = 0.02;
  private static final int MAX_PASSES = 100_000;

  private final BalancingState state;
  private final GoalContext context;
  private final ResourceGoal goal;
  private final int r;
  private final LeadershipBalancer leadership;
  private final double quantum;
  private final double minimumGain;
  private final ScoredHeap heap = new ScoredHeap();

  ResourceBalancer(BalancingState state, GoalContext context, ResourceGoal goal) {
    this.state = state;
    this.context = context;
    this.goal = goal;
    this.r = goal.r;
    this.leadership =
        goal.resource == Resource.LEADERS || goal.resource == Resource.NETWORK_OUT
            ? new LeadershipBalancer(state, context, goal)
            : null;
    this.quantum = QUANTUM * Math.max(goal.mean, goal.epsilon);
    this.minimumGain = 1e-15;
  }

  void run() {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean progress = false;
      if (leadership != null) {
        for (int pass = 0; pass < MAX_ROUNDS && leadership.pass(); pass++) {
          progress = true;
        }
      }
      if (movePass()) {
        progress = true;
      }
      if (!progress) {
        return;
      }
    }
  }

  /**
   * Sheds, then fills, round-robin: each broker outside its band gets one session per pass, so that
   * all overloaded brokers come down together and all underloaded ones go up together. One broker
   * shedding all its excess at once would give the lightest brokers its best candidates, leave
   * nothing as good for the next, and make later goals move bytes back.
   */
  private boolean movePass() {
    boolean any = false;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean progress = false;
      for (int src : OutsideBrokers.of(state, goal, context, true, false)) {
        progress |= goal.over(state, src) && shedSession(src);
      }
      if (!progress) {
        break;
      }
      any = true;
    }
    if (goal.fills()) {
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        boolean progress = false;
        for (int dst : OutsideBrokers.of(state, goal, context, false, false)) {
          progress |= goal.under(state, dst) && fillSession(dst);
        }
        if (!progress) {
          break;
        }
        any = true;
      }
    }
    return any;
  }

  /** Moves up to a quantum of load off {@code src} to one partner; false if none would take any. */
  private boolean shedSession(int src) {
    int[] partners = partners(src, true);
    for (int i = 0; i < partners.length; i++) {
      double stopAbove =
          i + 1 < partners.length ? key(partners[i + 1]) + quantum : Double.MAX_VALUE;
      if (transfer(src, partners[i], true, stopAbove) > 0) {
        return true;
      }
    }
    for (int i = 0; i < partners.length; i++) {
      if (swap(src, partners[i])) {
        return true;
      }
    }
    return false;
  }

  /** Moves up to a quantum of load onto {@code dst} from one partner; false if none would give. */
  private boolean fillSession(int dst) {
    int[] partners = partners(dst, false);
    for (int i = 0; i < partners.length; i++) {
      double stopBelow =
          i + 1 < partners.length ? key(partners[i + 1]) - quantum : -Double.MAX_VALUE;
      if (transfer(partners[i], dst, false, stopBelow) > 0) {
        return true;
      }
    }
    for (int i = 0; i < partners.length; i++) {
      if (swap(partners[i], dst)) {
        return true;
      }
    }
    return false;
  }

  /** How loaded broker {@code b} is relative to its band: load above the upper bound. */
  private double key(int b) {
    return state.load(r, b) - goal.upper[b];
  }

  /**
   * The alive brokers to trade with: for a source ({@code lightest}), the lightest brokers lighter
   * than it; for a destination, the heaviest brokers heavier than it. The best few of the whole
   * cluster come first, then the best few of the broker's own rack that are not among them: when
   * every partition has a replica in every rack, replicas can only move within a rack.
   */
  private int[] partners(int broker, boolean lightest) {
    int[] cluster = bestPartners(broker, lightest, -1);
    int[] rack = bestPartners(broker, lightest, state.rack(broker));
    int[] all = Arrays.copyOf(cluster, cluster.length + rack.length);
    int count = cluster.length;
    for (int b : rack) {
      boolean listed = false;
      for (int i = 0; i < cluster.length; i++) {
        listed |= cluster[i] == b;
      }
      if (!listed) {
        all[count++] = b;
      }
    }
    return Arrays.copyOf(all, count);
  }

  private int[] bestPartners(int broker, boolean lightest, int rack) {
    int[] chosen = new int[PARTNERS];
    double[] keys = new double[PARTNERS];
    int count = 0;
    double own = key(broker);
    for (int b : state.aliveBrokers()) {
      if (b == broker || (rack >= 0 && state.rack(b) != rack)) {
        continue;
      }
      // Only a lighter broker can take load, only a heavier one give it.
      if (lightest ? key(b) >= own : key(b) <= own) {
        continue;
      }
      double key = lightest ? key(b) : -key(b);
      if (count == PARTNERS && !precedes(key, b, keys[count - 1], chosen[count - 1])) {
        continue;
      }
      int i = count == PARTNERS ? count - 1 : count++;
      while (i > 0 && precedes(key, b, keys[i - 1], chosen[i - 1])) {
        keys[i] = keys[i - 1];
        chosen[i] = chosen[i - 1];
        i--;
      }
      keys[i] = key;
      chosen[i] = b;
    }
    return Arrays.copyOf(chosen, count);
  }

  private boolean precedes(double key, int b, double otherKey, int other) {
    return key < otherKey || (key == otherKey && context.tieRank(b) < context.tieRank(other));
  }

  /**
   * Moves replicas from {@code src} to {@code dst}, best first, while the broker being fixed is
   * outside its band, has moved less than a quantum this session, and the partner has not passed
   * {@code stop}. Every candidate must reduce the goal's shortfall; its score (negative when the
   * bytes cost more than the balance it buys) only ranks it, as the goal needs the move anyway.
   *
   * @return the number of replicas moved
   */
  private int transfer(int src, int dst, boolean shedding, double stop) {
    heap.clear();
    int[] slots = state.slots(src);
    if (!anyAcceptable(src, dst)) {
      return 0;
    }
    for (int i = 0, n = state.slotCount(src); i < n; i++) {
      int slot = slots[i];
      if (state.slotLoad(slot, r) <= 0 || state.hosts(state.partitionOf(slot), dst)) {
        continue;
      }
      if (!acceptable(slot, dst)) {
        continue;
      }
      double score = moveScore(slot, dst);
      if (!Double.isNaN(score)) {
        heap.push(slot, score);
      }
    }
    int moved = 0;
    int budget = 4 * heap.size() + 16;
    int fixing = shedding ? src : dst;
    double start = state.load(r, fixing);
    while (!heap.isEmpty() && budget-- > 0) {
      if (shedding
          ? !goal.over(state, src) || key(dst) > stop
          : !goal.under(state, dst) || key(src) < stop) {
        break;
      }
      if (Math.abs(state.load(r, fixing) - start) >= quantum) {
        break;
      }
      int slot = heap.pop();
      double score = moveScore(slot, dst);
      if (Double.isNaN(score)) {
        continue;
      }
      if (!heap.isEmpty() && score < heap.topScore()) {
        heap.push(slot, score);
        continue;
      }
      if (acceptable(slot, dst)) {
        state.moveReplica(slot, dst);
        moved++;
      }
    }
    return moved;
  }

  /**
   * Whether any of the first {@link #PROBE} replicas of {@code src} could move to {@code dst}: a
   * cheap test that skips partners no replica can reach, such as brokers of another rack when every
   * partition already has a replica in each rack.
   */
  private boolean anyAcceptable(int src, int dst) {
    int[] slots = state.slots(src);
    for (int i = 0, n = Math.min(PROBE, state.slotCount(src)); i < n; i++) {
      int slot = slots[i];
      if (state.slotLoad(slot, r) > 0
          && !state.hosts(state.partitionOf(slot), dst)
          && acceptable(slot, dst)) {
        return true;
      }
    }
    return false;
  }

  private boolean acceptable(int slot, int dst) {
    return goal.acceptsMove(state, slot, dst) && context.acceptsMove(state, slot, dst);
  }

  private double moveScore(int slot, int dst) {
    if (goal.moveProgress(state, slot, dst) <= minimumGain) {
      return Double.NaN;
    }
    return context.scoreMove(state, slot, dst, goal.moveBenefit(state, slot, dst));
  }

  /**
   * Exchanges one heavy replica of {@code src} for a light one of {@code dst}, the best pair of the
   * heaviest and lightest few, if any helps.
   */
  private boolean swap(int src, int dst) {
    int[] heavy = extremes(src, dst, true);
    int[] light = extremes(dst, src, false);
    int bestA = -1;
    int bestB = -1;
    double best = Double.NEGATIVE_INFINITY;
    for (int a : heavy) {
      double loadA = state.slotLoad(a, r);
      for (int b : light) {
        if (state.slotLoad(b, r) >= loadA || goal.swapProgress(state, a, b) <= minimumGain) {
          continue;
        }
        double score = context.scoreSwap(state, a, b, goal.swapBenefit(state, a, b));
        if (score > best && goal.acceptsSwap(state, a, b) && context.acceptsSwap(state, a, b)) {
          best = score;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) {
      return false;
    }
    state.swap(bestA, bestB);
    return true;
  }

  /**
   * The replicas of {@code broker} whose partitions {@code other} does not host, with the most (or
   * least) load for the resource: at most {@link #SWAP_CANDIDATES}.
   */
  private int[] extremes(int broker, int other, boolean most) {
    int[] chosen = extremes(broker, other, most, most);
    if (most) {
      return chosen;
    }
    // Light replicas that carry some load (leaders, for leader-only resources) as well as the
    // lightest of all: a swap must often keep the broker's leader count.
    int[] carrying = extremes(broker, other, false, true);
    int[] all = Arrays.copyOf(chosen, chosen.length + carrying.length);
    int count = chosen.length;
    for (int slot : carrying) {
      boolean listed = false;
      for (int i = 0; i < chosen.length; i++) {
        listed |= chosen[i] == slot;
      }
      if (!listed) {
        all[count++] = slot;
      }
    }
    return Arrays.copyOf(all, count);
  }

  private int[] extremes(int broker, int other, boolean most, boolean loadedOnly) {
    heap.clear();
    int[] slots = state.slots(broker);
    for (int i = 0, n = state.slotCount(broker); i < n; i++) {
      int slot = slots[i];
      double load = state.slotLoad(slot, r);
      if ((!loadedOnly || load > 0) && !state.hosts(state.partitionOf(slot), other)) {
        heap.push(slot, most ? load : -load);
      }
    }
    int count = Math.min(SWAP_CANDIDATES, heap.size());
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = heap.pop();
    }
    return chosen;
  }
}
