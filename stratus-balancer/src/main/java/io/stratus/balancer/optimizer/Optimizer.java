package io.stratus.balancer.optimizer;

import io.stratus.balancer.goals.BalancingState;
import io.stratus.balancer.goals.Goal;
import io.stratus.balancer.goals.GoalContext;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.GoalResult;
import io.stratus.balancer.plan.BalancePlan.Spread;
import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Plans partition moves that satisfy the hard goals, improve the soft ones and copy as few bytes as
 * it can. Goals run in priority order ({@link GoalChain}); each optimizes with actions every goal
 * before it accepts, preferring actions that also help the goals after it and copy few bytes.
 *
 * <p>After planning it recomputes every broker's load from scratch and throws {@link
 * IllegalStateException} if the bookkeeping the actions kept differs; and it checks that no goal
 * ended worse than it started, throwing the same if one did although every goal before it held at
 * the start (a goal that had to make way for a higher-priority goal's repairs may legitimately end
 * worse, and its result says so).
 *
 * <p>Pure (no I/O) and thread-safe: each call works on its own state and goal instances.
 */
public final class Optimizer {

  private final BalancerSettings settings;
  private final LongSupplier nanoTime;

  public Optimizer(BalancerSettings settings) {
    this(settings, System::nanoTime);
  }

  Optimizer(BalancerSettings settings, LongSupplier nanoTime) {
    this.settings = java.util.Objects.requireNonNull(settings, "settings");
    this.nanoTime = nanoTime;
  }

  /** Plans the moves for {@code model}. The same model and settings give the same plan. */
  public BalancePlan optimize(ClusterModel model) {
    long start = nanoTime.getAsLong();
    BalancingState state = BalancingState.of(model);
    List<Goal> goals = GoalChain.of(settings);
    for (Goal goal : goals) {
      goal.prepare(state);
    }
    Map<Resource, Spread> before = LoadSpread.of(state);
    int[] violationsBefore = new int[goals.size()];
    double[] severityBefore = new double[goals.size()];
    for (int i = 0; i < goals.size(); i++) {
      violationsBefore[i] = goals.get(i).violations(state);
      severityBefore[i] = goals.get(i).severity(state);
    }
    for (int i = 0; i < goals.size(); i++) {
      // Every goal runs even when it holds: leadership goals still even out leaders for free.
      goals.get(i).optimize(state, GoalContext.of(goals, i, state, settings.seed()));
    }
    state.verifyBookkeeping();

    List<GoalResult> results = new ArrayList<>();
    boolean earlierHeld = true;
    for (int i = 0; i < goals.size(); i++) {
      Goal goal = goals.get(i);
      int violations = goal.violations(state);
      double severity = goal.severity(state);
      if (earlierHeld
          && worse(goal, violationsBefore[i], severityBefore[i], violations, severity)) {
        throw new IllegalStateException(
            goal.name()
                + " ended worse than it started although every goal before it held: "
                + violationsBefore[i]
                + " violations and severity "
                + severityBefore[i]
                + " before, "
                + violations
                + " and "
                + severity
                + " after");
      }
      earlierHeld &= violationsBefore[i] == 0;
      results.add(
          new GoalResult(
              goal.name(),
              goal.hard(),
              violationsBefore[i] == 0,
              violations == 0,
              violationsBefore[i],
              violations,
              goal.detail(state)));
    }
    List<PartitionMove> moves = PlanMoves.of(state);
    long bytes = moves.stream().mapToLong(PartitionMove::bytesToMove).sum();
    long millis = (nanoTime.getAsLong() - start) / 1_000_000;
    return new BalancePlan(moves, results, before, LoadSpread.of(state), bytes, millis);
  }

  /** How the goals stand for {@code model}, without planning anything. */
  public List<GoalResult> evaluate(ClusterModel model) {
    BalancingState state = BalancingState.of(model);
    List<GoalResult> results = new ArrayList<>();
    for (Goal goal : GoalChain.of(settings)) {
      goal.prepare(state);
      int violations = goal.violations(state);
      results.add(
          new GoalResult(
              goal.name(),
              goal.hard(),
              violations == 0,
              violations == 0,
              violations,
              violations,
              goal.detail(state)));
    }
    return results;
  }

  /**
   * Whether a goal ended worse: more violations, or a worse severity that is also beyond what the
   * goal tolerates.
   */
  static boolean worse(
      Goal goal, int violationsBefore, double severityBefore, int violations, double severity) {
    if (violations > violationsBefore) {
      return true;
    }
    double tolerance = 1e-9 * Math.max(1, Math.abs(severityBefore));
    return severity > severityBefore + tolerance && severity > goal.toleratedSeverity() + tolerance;
  }
}
