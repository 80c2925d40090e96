package io.stratus.cli.output;

import io.stratus.api.BalanceProgress;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BrokerBalance;
import io.stratus.api.GoalStatus;
import io.stratus.api.LoadSpread;
import io.stratus.api.PartitionReassignment;
import io.stratus.api.PlanSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The table form of a cluster's balance: the balancer's state, each broker's load, the goals, the
 * last plan and the progress of a rebalance. Pure functions of their input.
 */
public final class BalanceText {

  private static final String NONE = "-";
  private static final String INDENT = "  ";

  private BalanceText() {}

  /** {@code cluster balance ID}: everything the balancer reported, the plan's moves left out. */
  public static String status(BalanceStatus status, Glyphs glyphs) {
    StringBuilder text = new StringBuilder(fields(status)).append('\n');
    text.append(brokers(status)).append('\n');
    text.append(goals(status.goals(), glyphs));
    status
        .lastPlan()
        .ifPresent(plan -> text.append('\n').append("Last plan: ").append(plan(plan, glyphs)));
    return text.toString();
  }

  /**
   * {@code cluster balance ID --dry-run}: the plan the balancer made, with the partitions it moves,
   * or why there is none.
   */
  public static String plan(BalanceStatus status, Glyphs glyphs) {
    if (status.lastPlan().isEmpty()) {
      return "The balancer made no plan ("
          + status.state()
          + "): "
          + (status.message().isBlank() ? "it gave no reason" : status.message())
          + "\n";
    }
    PlanSummary plan = status.lastPlan().get();
    StringBuilder text = new StringBuilder("Plan: ").append(plan(plan, glyphs)).append('\n');
    if (plan.moves().isEmpty()) {
      return text.append("Nothing to move.\n").toString();
    }
    TextTable moves = new TextTable("TOPIC", "PARTITION", "FROM", "TO");
    for (PartitionReassignment move : plan.moves()) {
      moves.row(
          move.topic(), String.valueOf(move.partition()), brokers(move.from()), brokers(move.to()));
    }
    text.append(moves.render());
    int more = plan.partitionsChanged() - plan.moves().size();
    if (more > 0) {
      text.append("... and ")
          .append(more)
          .append(more == 1 ? " more partition" : " more partitions")
          .append(" (the first ")
          .append(plan.moves().size())
          .append(" are shown)\n");
    }
    return text.toString();
  }

  /** {@code cluster balance ID --rebalance|--stop}: what was asked and how to follow it. */
  public static String receipt(BalanceRequestReceipt receipt) {
    return "Asked the balancer of "
        + receipt.clusterId()
        + " to "
        + receipt.action().wireName()
        + " (request "
        + receipt.requestId()
        + ").\nFollow it with: stratus cluster balance "
        + receipt.clusterId()
        + " --watch\n";
  }

  private static String fields(BalanceStatus status) {
    TextTable fields = new TextTable("State:", status.state().name());
    fields
        .row("Mode:", status.mode().wireName())
        .row("Message:", status.message().isBlank() ? NONE : status.message())
        .row("Updated:", String.valueOf(status.updatedAt()))
        .row("Progress:", status.progress().map(BalanceText::progress).orElse(NONE));
    return fields.render();
  }

  private static String progress(BalanceProgress progress) {
    String line = BalanceProgressBar.line(progress);
    return progress
        .finishedAt()
        .map(at -> line + "  (plan " + progress.planId() + ", ended " + at + ")")
        .orElse(line + "  (plan " + progress.planId() + ", " + progress.phase() + ")");
  }

  private static String brokers(BalanceStatus status) {
    if (status.brokers().isEmpty()) {
      return "No broker load measured yet.\n";
    }
    TextTable table =
        new TextTable("BROKER", "STATE", "REPLICAS", "LEADERS", "DISK", "NET IN", "NET OUT");
    for (BrokerBalance broker : status.brokers()) {
      table.row(
          String.valueOf(broker.id()),
          broker.state(),
          String.valueOf(broker.replicas()),
          String.valueOf(broker.leaders()),
          Bytes.readable(broker.diskBytes()),
          LoadFigures.rate(broker.networkInBytesPerSecond()),
          LoadFigures.rate(broker.networkOutBytesPerSecond()));
    }
    return table.render();
  }

  private static String goals(List<GoalStatus> goals, Glyphs glyphs) {
    if (goals.isEmpty()) {
      return "Goals: none evaluated yet.\n";
    }
    StringBuilder text = new StringBuilder("Goals:\n");
    for (GoalStatus goal : goals) {
      text.append(INDENT)
          .append(goal.satisfied() ? glyphs.satisfied() : glyphs.broken())
          .append(' ')
          .append(goal.name())
          .append(goal.hard() ? " (hard" : " (soft");
      if (!goal.satisfied()) {
        text.append(", ")
            .append(goal.violations())
            .append(goal.violations() == 1 ? " violation" : " violations");
      }
      text.append(')');
      if (!goal.satisfied() && !goal.detail().isBlank()) {
        text.append(": ").append(goal.detail());
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The plan's heading, its figures, and how it changes the load spread. */
  private static String plan(PlanSummary plan, Glyphs glyphs) {
    StringBuilder text =
        new StringBuilder(plan.planId())
            .append(plan.dryRun() ? " (dry run)" : "")
            .append(plan.trigger().isBlank() ? "" : ", trigger: " + plan.trigger())
            .append(", made ")
            .append(plan.createdAt())
            .append('\n');
    text.append(INDENT)
        .append(plan.partitionsChanged())
        .append(plan.partitionsChanged() == 1 ? " partition, " : " partitions, ")
        .append(plan.replicaMoves())
        .append(plan.replicaMoves() == 1 ? " replica move, " : " replica moves, ")
        .append(plan.leadershipMoves())
        .append(plan.leadershipMoves() == 1 ? " leadership move, " : " leadership moves, ")
        .append(Bytes.readable(plan.bytesToMove()))
        .append(" to copy, planned in ")
        .append(plan.planMillis())
        .append(" ms\n");
    List<String> resources = resources(plan.spreadBefore(), plan.spreadAfter());
    if (!resources.isEmpty()) {
      TextTable spread = new TextTable("LOAD", "MAX", "MEAN");
      for (String resource : resources) {
        LoadSpread before = plan.spreadBefore().get(resource);
        LoadSpread after = plan.spreadAfter().get(resource);
        spread.row(
            resource,
            change(
                resource,
                before == null ? null : before.max(),
                after == null ? null : after.max(),
                glyphs),
            change(
                resource,
                before == null ? null : before.mean(),
                after == null ? null : after.mean(),
                glyphs));
      }
      spread.render().lines().forEach(line -> text.append(INDENT).append(line).append('\n'));
    }
    return text.toString();
  }

  /** The resources of both spreads: the known ones in their order, then any others by name. */
  private static List<String> resources(
      Map<String, LoadSpread> before, Map<String, LoadSpread> after) {
    TreeSet<String> all = new TreeSet<>(before.keySet());
    all.addAll(after.keySet());
    List<String> ordered = new ArrayList<>();
    PlanSummary.RESOURCES.stream().filter(all::contains).forEach(ordered::add);
    all.stream().filter(r -> !PlanSummary.RESOURCES.contains(r)).forEach(ordered::add);
    return ordered;
  }

  private static String change(String resource, Double before, Double after, Glyphs glyphs) {
    return figure(resource, before) + " " + glyphs.arrow() + " " + figure(resource, after);
  }

  private static String figure(String resource, Double value) {
    return value == null ? NONE : LoadFigures.of(resource, value);
  }

  private static String brokers(List<Integer> ids) {
    return ids.isEmpty()
        ? NONE
        : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
