package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A goal on one resource of every alive broker: its load must stay within a band, {@code lower(b) ≤
 * load ≤ upper(b)}. Capacity goals bound it from above by a share of the broker's capacity;
 * distribution goals keep it within a band around the mean.
 *
 * <p>An action is acceptable when neither broker it touches leaves the band, or when a broker
 * already outside the band ends no further outside; distribution goals also accept an action that
 * evens out the two brokers it touches (see {@link #acceptsPair}). Either way no violation is
 * added, and the most (least) loaded broker ends neither above (below) the band nor above (below)
 * where it was. Draining and dead brokers are not measured.
 *
 * <p>Benefits are in units of the mean broker load for the resource: the reduction in how far
 * brokers are outside their band, plus, for distribution goals, a small term (weight 0.05) for
 * moving towards the mean that ranks otherwise equal candidates. It is small on purpose: a strong
 * pull to the mean makes every goal even out every resource, and the bytes that costs are what the
 * bands exist to avoid.
 */
abstract class ResourceGoal implements Goal {

  /** Weight of the pull towards the mean, relative to leaving the band. */
  private static final double BALANCE_WEIGHT = 0.05;

  /**
   * How far from the mean, as a share of the band's half-width, leadership passes aim: transfers
   * copy nothing, so evening leaders out beyond the band costs nothing and leaves room for the
   * goals after this one to transfer leadership in either direction.
   */
  static final double TIGHT_SHARE = 0.25;

  final Resource resource;
  final int r;
  double[] lower;
  double[] upper;
  double[] lowerTight;
  double[] upperTight;
  double mean;
  double scale;
  double epsilon;

  ResourceGoal(Resource resource) {
    this.resource = resource;
    this.r = resource.ordinal();
  }

  /** Fills {@link #lower} and {@link #upper} for every broker. */
  abstract void bands(BalancingState state);

  /** Whether the goal pulls load onto brokers below their band (distribution goals do). */
  abstract boolean fills();

  /** Whether moving towards the mean counts as a (small) benefit. */
  abstract boolean pullsToMean();

  @Override
  public void prepare(BalancingState state) {
    mean = state.mean(resource);
    scale = mean > 0 ? 1 / mean : 1;
    epsilon = 1e-9 * Math.max(1, mean);
    lower = new double[state.brokerCount()];
    upper = new double[state.brokerCount()];
    bands(state);
    lowerTight = lower.clone();
    upperTight = upper.clone();
    tightBands(state);
  }

  /** Narrows {@link #lowerTight} and {@link #upperTight} where free actions should aim closer. */
  void tightBands(BalancingState state) {}

  /** How far {@code load} is outside broker {@code b}'s band, in load units. */
  final double shortfall(int b, double load) {
    return shortfall(b, load, false);
  }

  /** How far {@code load} is outside broker {@code b}'s band, or its tight band. */
  final double shortfall(int b, double load, boolean tight) {
    double high = tight ? upperTight[b] : upper[b];
    double low = tight ? lowerTight[b] : lower[b];
    if (load > high + epsilon) {
      return load - high;
    }
    if (load < low - epsilon) {
      return low - load;
    }
    return 0;
  }

  final boolean over(BalancingState state, int b) {
    return over(state, b, false);
  }

  final boolean over(BalancingState state, int b, boolean tight) {
    return state.isAlive(b) && state.load(r, b) > (tight ? upperTight[b] : upper[b]) + epsilon;
  }

  final boolean under(BalancingState state, int b) {
    return under(state, b, false);
  }

  final boolean under(BalancingState state, int b, boolean tight) {
    return state.isAlive(b) && state.load(r, b) < (tight ? lowerTight[b] : lower[b]) - epsilon;
  }

  private boolean acceptsChange(BalancingState state, int b, double delta) {
    if (!state.isAlive(b) || delta == 0) {
      return true;
    }
    double before = state.load(r, b);
    double after = before + delta;
    if (after > upper[b] + epsilon) {
      return after <= before + epsilon;
    }
    if (after < lower[b] - epsilon) {
      return after >= before - epsilon;
    }
    return true;
  }

  /** Whether pair rules apply: distribution goals even out brokers stuck on one side. */
  abstract boolean evensPairs();

  /**
   * Whether changing two brokers' loads keeps the goal at least as satisfied: each broker stays in
   * its band or ends no further outside it; or, for goals that {@link #evensPairs() even pairs},
   * the two alive brokers together end with no more of them outside the band, no higher maximum and
   * no lower minimum. The pair rule lets brokers that all sit above the band (as whole racks do
   * when rack-awareness forces their share) even out, without raising the cluster's maximum,
   * lowering its minimum or adding a violation.
   */
  private boolean acceptsPair(BalancingState state, int a, double deltaA, int b, double deltaB) {
    if (acceptsChange(state, a, deltaA) && acceptsChange(state, b, deltaB)) {
      return true;
    }
    if (!evensPairs() || !state.isAlive(a) || !state.isAlive(b)) {
      return false;
    }
    double beforeA = state.load(r, a);
    double beforeB = state.load(r, b);
    double afterA = beforeA + deltaA;
    double afterB = beforeB + deltaB;
    int outsideBefore = outside(a, beforeA) + outside(b, beforeB);
    int outsideAfter = outside(a, afterA) + outside(b, afterB);
    return outsideAfter <= outsideBefore
        && Math.max(afterA, afterB) <= Math.max(beforeA, beforeB) + epsilon
        && Math.min(afterA, afterB) >= Math.min(beforeA, beforeB) - epsilon;
  }

  private int outside(int b, double load) {
    return shortfall(b, load) > 0 ? 1 : 0;
  }

  /**
   * How much a change of {@code delta} lowers broker {@code b}'s squared shortfall: the progress a
   * goal's own action must make. Squared, so that evening out two brokers outside the band on the
   * same side counts as progress, while no action that moves a shortfall whole from one broker to
   * another does.
   */
  private double progress(BalancingState state, int b, double delta) {
    if (!state.isAlive(b) || delta == 0) {
      return 0;
    }
    double before = state.load(r, b);
    double from = shortfall(b, before) * scale;
    double to = shortfall(b, before + delta) * scale;
    return from * from - to * to;
  }

  /** How much broker {@code b}'s (tight) shortfall falls if its load changes by {@code delta}. */
  private double reduction(BalancingState state, int b, double delta, boolean tight) {
    if (!state.isAlive(b) || delta == 0) {
      return 0;
    }
    double before = state.load(r, b);
    return (shortfall(b, before, tight) - shortfall(b, before + delta, tight)) * scale;
  }

  private double benefit(BalancingState state, int b, double delta) {
    if (!state.isAlive(b) || delta == 0) {
      return 0;
    }
    double before = state.load(r, b);
    double after = before + delta;
    double value = (shortfall(b, before) - shortfall(b, after)) * scale;
    if (pullsToMean()) {
      double from = (before - mean) * scale;
      double to = (after - mean) * scale;
      value += BALANCE_WEIGHT * (from * from - to * to);
    }
    return value;
  }

  // ---- actions as two load changes -------------------------------------------------------------

  @Override
  public boolean acceptsMove(BalancingState state, int slot, int dst) {
    int src = state.brokerOf(slot);
    return acceptsPair(state, src, -state.slotLoad(slot, r), dst, state.slotLoadOn(slot, r, dst));
  }

  @Override
  public boolean acceptsLeadership(BalancingState state, int newLeaderSlot) {
    int p = state.partitionOf(newLeaderSlot);
    double leader = state.leaderLoad(p, r);
    if (leader == 0 || state.leaderSlot(p) == newLeaderSlot) {
      return true;
    }
    int from = state.brokerOf(state.leaderSlot(p));
    int to = state.brokerOf(newLeaderSlot);
    return acceptsPair(
        state, from, state.isDead(from) ? 0 : -leader, to, state.isDead(to) ? 0 : leader);
  }

  @Override
  public boolean acceptsSwap(BalancingState state, int slotA, int slotB) {
    int a = state.brokerOf(slotA);
    int b = state.brokerOf(slotB);
    return acceptsPair(
        state, a, swapDelta(state, slotA, slotB, a), b, swapDelta(state, slotB, slotA, b));
  }

  /**
   * The load change of broker {@code broker}, holding {@code gives}, when it takes {@code takes}.
   */
  private double swapDelta(BalancingState state, int gives, int takes, int broker) {
    return state.slotLoadOn(takes, r, broker) - state.slotLoad(gives, r);
  }

  @Override
  public boolean acceptsLeadershipSwap(BalancingState state, int newLeaderP, int newLeaderQ) {
    int a = state.brokerOf(newLeaderQ);
    int b = state.brokerOf(newLeaderP);
    double delta = leadershipSwapDelta(state, newLeaderP, newLeaderQ);
    return acceptsPair(state, a, -delta, b, delta);
  }

  @Override
  public double leadershipSwapBenefit(BalancingState state, int newLeaderP, int newLeaderQ) {
    int a = state.brokerOf(newLeaderQ);
    int b = state.brokerOf(newLeaderP);
    double delta = leadershipSwapDelta(state, newLeaderP, newLeaderQ);
    return benefit(state, a, -delta) + benefit(state, b, delta);
  }

  final double leadershipSwapReduction(
      BalancingState state, int newLeaderP, int newLeaderQ, boolean tight) {
    int a = state.brokerOf(newLeaderQ);
    int b = state.brokerOf(newLeaderP);
    double delta = leadershipSwapDelta(state, newLeaderP, newLeaderQ);
    return reduction(state, a, -delta, tight) + reduction(state, b, delta, tight);
  }

  /**
   * The load broker b (taking p) gains, and broker a (taking q) loses, in a leadership swap of two
   * alive brokers.
   */
  private double leadershipSwapDelta(BalancingState state, int newLeaderP, int newLeaderQ) {
    return state.leaderLoad(state.partitionOf(newLeaderP), r)
        - state.leaderLoad(state.partitionOf(newLeaderQ), r);
  }

  @Override
  public double moveBenefit(BalancingState state, int slot, int dst) {
    int src = state.brokerOf(slot);
    return benefit(state, src, -state.slotLoad(slot, r))
        + benefit(state, dst, state.slotLoadOn(slot, r, dst));
  }

  @Override
  public double leadershipBenefit(BalancingState state, int newLeaderSlot) {
    int p = state.partitionOf(newLeaderSlot);
    double leader = state.leaderLoad(p, r);
    if (leader == 0 || state.leaderSlot(p) == newLeaderSlot) {
      return 0;
    }
    int from = state.brokerOf(state.leaderSlot(p));
    int to = state.brokerOf(newLeaderSlot);
    return benefit(state, from, state.isDead(from) ? 0 : -leader)
        + benefit(state, to, state.isDead(to) ? 0 : leader);
  }

  @Override
  public double swapBenefit(BalancingState state, int slotA, int slotB) {
    int a = state.brokerOf(slotA);
    int b = state.brokerOf(slotB);
    return benefit(state, a, swapDelta(state, slotA, slotB, a))
        + benefit(state, b, swapDelta(state, slotB, slotA, b));
  }

  /** The progress of a move in squared shortfall: what the optimizer must gain to take it. */
  final double moveProgress(BalancingState state, int slot, int dst) {
    int src = state.brokerOf(slot);
    return progress(state, src, -state.slotLoad(slot, r))
        + progress(state, dst, state.slotLoadOn(slot, r, dst));
  }

  /** The strict reduction of a leadership transfer, against the tight band or the band. */
  final double leadershipReduction(BalancingState state, int newLeaderSlot, boolean tight) {
    int p = state.partitionOf(newLeaderSlot);
    double leader = state.leaderLoad(p, r);
    if (leader == 0 || state.leaderSlot(p) == newLeaderSlot) {
      return 0;
    }
    int from = state.brokerOf(state.leaderSlot(p));
    int to = state.brokerOf(newLeaderSlot);
    return reduction(state, from, state.isDead(from) ? 0 : -leader, tight)
        + reduction(state, to, state.isDead(to) ? 0 : leader, tight);
  }

  /** The progress of a swap in squared shortfall. */
  final double swapProgress(BalancingState state, int slotA, int slotB) {
    int a = state.brokerOf(slotA);
    int b = state.brokerOf(slotB);
    return progress(state, a, swapDelta(state, slotA, slotB, a))
        + progress(state, b, swapDelta(state, slotB, slotA, b));
  }

  // ---- standing ---------------------------------------------------------------------------------

  @Override
  public int violations(BalancingState state) {
    int violations = 0;
    for (int b : state.aliveBrokers()) {
      if (shortfall(b, state.load(r, b)) > 0) {
        violations++;
      }
    }
    return violations;
  }

  @Override
  public String detail(BalancingState state) {
    List<Integer> outside = new ArrayList<>();
    for (int b : state.aliveBrokers()) {
      if (shortfall(b, state.load(r, b)) > 0) {
        outside.add(b);
      }
    }
    if (outside.isEmpty()) {
      return "";
    }
    outside.sort(
        (x, y) -> Double.compare(shortfall(y, state.load(r, y)), shortfall(x, state.load(r, x))));
    StringBuilder text = new StringBuilder(describeBand(state, outside.size()));
    text.append(": ");
    int shown = Math.min(5, outside.size());
    for (int i = 0; i < shown; i++) {
      int b = outside.get(i);
      text.append(i == 0 ? "" : ", ")
          .append("broker ")
          .append(state.brokerId(b))
          .append(" at ")
          .append(format(state.load(r, b)))
          .append(" (allowed ")
          .append(format(Math.max(lower[b], 0)))
          .append(upper[b] == Double.POSITIVE_INFINITY ? "+" : "–" + format(upper[b]))
          .append(')');
    }
    if (outside.size() > shown) {
      text.append(", and ").append(outside.size() - shown).append(" more");
    }
    return text.append(hint()).toString();
  }

  /** The start of the detail: how many brokers are outside which band. */
  abstract String describeBand(BalancingState state, int outside);

  /** What a user can do about a violation that remains, starting with "; " or empty. */
  abstract String hint();

  final String format(double value) {
    switch (resource) {
      case REPLICAS:
      case LEADERS:
        return String.format(Locale.ROOT, "%.0f", value);
      case DISK:
        return String.format(Locale.ROOT, "%.1f GiB", value / (1L << 30));
      default:
        return String.format(Locale.ROOT, "%.1f MiB/s", value / (1 << 20));
    }
  }

  @Override
  public void optimize(BalancingState state, GoalContext context) {
    new ResourceBalancer(state, context, this).run();
  }
}
