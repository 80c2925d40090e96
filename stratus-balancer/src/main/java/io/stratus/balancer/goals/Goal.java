package io.stratus.balancer.goals;

/**
 * One thing a balanced cluster must (hard) or should (soft) satisfy. The optimizer runs goals in
 * priority order; each optimizes the state using only actions every goal before it accepts, so a
 * later goal never undoes an earlier one.
 *
 * <p>Four kinds of action exist: a replica move (a slot goes to another broker, and leadership with
 * it if the slot leads), a leadership transfer (another slot of the partition leads), a swap (two
 * replicas of different partitions exchange brokers), and a leadership swap (two brokers exchange
 * the leadership of one partition each). For each a goal says whether it accepts the action and how
 * much the action helps it.
 *
 * <p>A goal computes its thresholds in {@link #prepare} from totals that no action changes, so they
 * stay constant during a run. Instances hold those thresholds: one optimizer run uses fresh
 * instances, and an instance is not thread-safe.
 */
public interface Goal {

  /** The goal's name as reported, e.g. {@code DiskUsageDistribution}. */
  String name();

  /** Whether the goal must hold (hard) or is improved as far as possible (soft). */
  boolean hard();

  /** Computes the goal's thresholds for {@code state}; called once before anything else. */
  void prepare(BalancingState state);

  /** Whether moving {@code slot} to broker {@code dst} keeps this goal at least as satisfied. */
  boolean acceptsMove(BalancingState state, int slot, int dst);

  /** Whether making {@code newLeaderSlot} its partition's leader keeps this goal satisfied. */
  boolean acceptsLeadership(BalancingState state, int newLeaderSlot);

  /**
   * Whether exchanging the brokers of {@code slotA} and {@code slotB} keeps this goal satisfied.
   */
  boolean acceptsSwap(BalancingState state, int slotA, int slotB);

  /**
   * How much moving {@code slot} to {@code dst} reduces this goal's shortfall, in units of the mean
   * broker load (so goals compare); negative if it makes things worse.
   */
  double moveBenefit(BalancingState state, int slot, int dst);

  /** How much making {@code newLeaderSlot} lead reduces this goal's shortfall. */
  double leadershipBenefit(BalancingState state, int newLeaderSlot);

  /** How much exchanging the brokers of {@code slotA} and {@code slotB} reduces the shortfall. */
  double swapBenefit(BalancingState state, int slotA, int slotB);

  /**
   * Whether a leadership swap keeps this goal satisfied: {@code newLeaderP} (on the broker that
   * leads {@code q}) takes over partition p while {@code newLeaderQ} (on the broker that leads p)
   * takes over q, so that both brokers keep their number of leaders. By default both transfers must
   * be acceptable on their own, which is right for goals that judge them independently.
   */
  default boolean acceptsLeadershipSwap(BalancingState state, int newLeaderP, int newLeaderQ) {
    return acceptsLeadership(state, newLeaderP) && acceptsLeadership(state, newLeaderQ);
  }

  /** How much a leadership swap reduces this goal's shortfall. */
  default double leadershipSwapBenefit(BalancingState state, int newLeaderP, int newLeaderQ) {
    return leadershipBenefit(state, newLeaderP) + leadershipBenefit(state, newLeaderQ);
  }

  /** How many brokers, partitions or (topic, broker) pairs violate the goal now. */
  int violations(BalancingState state);

  /** What is still wrong, in words a user can act on; empty when the goal holds. */
  String detail(BalancingState state);

  /**
   * The goal's worst figure now, for the check that no goal ends worse than it started: the most
   * loaded broker over the mean for a distribution goal, the number of violations otherwise.
   */
  default double severity(BalancingState state) {
    return violations(state);
  }

  /**
   * The severity this goal tolerates: a severity at or below it counts as satisfied however it
   * compares with the start.
   */
  default double toleratedSeverity() {
    return 0;
  }

  /** Improves the state towards this goal with actions {@code context} accepts. */
  void optimize(BalancingState state, GoalContext context);
}
