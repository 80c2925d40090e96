package io.stratus.cli.bench.balancer;

import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.GoalResult;
import io.stratus.balancer.plan.BalancePlan.Spread;
import io.stratus.cli.output.Bytes;
import io.stratus.cli.output.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * What {@code stratus bench balancer} prints for one cluster: per resource, the most loaded alive
 * broker over the mean before the plan, after it, and after Kafka's round-robin reassignment; then
 * the bytes each copies against the lower bound, the moves, the planning time and heap, and any
 * goal the plan leaves unmet. Pure.
 */
final class BalancerBenchTable {

  private BalancerBenchTable() {}

  /**
   * The block for one run, each line ending in a newline.
   *
   * @param unicode whether the output can show {@code →}; otherwise {@code ->} is used
   */
  static String render(BalancerBenchFigures figures, boolean unicode) {
    BenchSize size = figures.size();
    BalancePlan plan = figures.plan();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d brokers (%d new and empty), %d partitions, %d racks, seed %d%n",
                size.brokers(),
                Math.round(size.brokers() * 0.2),
                size.partitions(),
                size.racks(),
                size.seed()));
    TextTable table =
        TextTable.withNumericColumns(
            "max / mean", "before", "Stratus", "Kafka round-robin", "Stratus max", "mean");
    for (Resource resource : Resource.values()) {
      Spread after = plan.after().get(resource);
      table.row(
          resource.key(),
          ratio(plan.before().get(resource)),
          ratio(after),
          ratio(figures.baseline().get(resource)),
          amount(resource, after.max()),
          amount(resource, after.mean()));
    }
    text.append(table.render());
    text.append(
        String.format(
            Locale.ROOT,
            "bytes moved: Stratus %s, Kafka round-robin %s, lower bound %s; Stratus / lower bound"
                + " %.2f%n",
            Bytes.readable(plan.bytesToMove()),
            Bytes.readable(figures.baselineBytesMoved()),
            Bytes.readable(figures.lowerBoundBytes()),
            figures.bytesToLowerBound()));
    text.append(
        String.format(
            Locale.ROOT,
            "moves: %d partitions (%d replicas copied, %d leaders changed)%n",
            plan.moves().size(),
            plan.replicaMoves(),
            plan.leadershipMoves()));
    text.append(
        String.format(
            Locale.ROOT,
            "plan time: %d ms; peak heap while planning: %s%n",
            plan.planMillis(),
            Bytes.readable(figures.peakHeapBytes())));
    List<GoalResult> unmet = plan.goals().stream().filter(g -> !g.satisfiedAfter()).toList();
    for (GoalResult goal : unmet) {
      text.append(
          String.format(
              Locale.ROOT,
              "not met: %s (%s, %d %s %d violations): %s%n",
              goal.goal(),
              goal.hard() ? "hard" : "soft",
              goal.violationsBefore(),
              unicode ? "→" : "->",
              goal.violationsAfter(),
              goal.detail()));
    }
    return text.toString();
  }

  private static String ratio(Spread spread) {
    return spread.mean() == 0
        ? "-"
        : String.format(Locale.ROOT, "%.3f", spread.max() / spread.mean());
  }

  private static String amount(Resource resource, double value) {
    switch (resource) {
      case REPLICAS:
      case LEADERS:
        return String.format(Locale.ROOT, "%.0f", value);
      case DISK:
        return Bytes.readable(Math.round(value));
      default:
        return Bytes.readable(Math.round(value)) + "/s";
    }
  }
}
