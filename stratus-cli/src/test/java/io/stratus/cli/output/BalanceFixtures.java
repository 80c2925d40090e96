package io.stratus.cli.output;

import io.stratus.api.BalanceProgress;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BrokerBalance;
import io.stratus.api.GoalStatus;
import io.stratus.api.LoadSpread;
import io.stratus.api.PartitionReassignment;
import io.stratus.api.PlanSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Balance statuses as the API would answer them. */
public final class BalanceFixtures {

  public static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final long GIB = 1L << 30;

  private BalanceFixtures() {}

  /** Three brokers, broker 2 draining; one goal holds, one is broken. */
  public static BalanceStatus status(
      BalanceState state,
      String message,
      Optional<PlanSummary> plan,
      Optional<BalanceProgress> progress,
      Optional<String> handledRequest) {
    return new BalanceStatus(
        state,
        BalancingMode.ANY_UNEVEN_LOAD,
        message,
        List.of(
            new BrokerBalance(0, "ALIVE", 12, 4, 3 * GIB, 1_048_576, 2_097_152),
            new BrokerBalance(1, "ALIVE", 10, 4, 2 * GIB, 524_288, 1_048_576),
            new BrokerBalance(2, "DRAINING", 2, 0, 512L << 20, 0, 0)),
        List.of(
            new GoalStatus("RackAwareness", true, true, 0, ""),
            new GoalStatus(
                "ReplicaDistribution", false, false, 2, "broker 0 holds 12 replicas, limit 9")),
        plan,
        progress,
        handledRequest,
        AT);
  }

  /** A status in {@code state} without plan, progress or handled request. */
  public static BalanceStatus status(BalanceState state, String message) {
    return status(state, message, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A plan that changes {@code partitions} partitions of topic {@code orders}. */
  public static PlanSummary plan(boolean dryRun, int partitions) {
    List<PartitionReassignment> moves =
        IntStream.range(0, partitions)
            .mapToObj(p -> new PartitionReassignment("orders", p, List.of(0, 2), List.of(1, 0)))
            .toList();
    return new PlanSummary(
        "plan-7",
        "broker 2 draining",
        dryRun,
        AT,
        partitions,
        1,
        12 * GIB / 10,
        35,
        Map.of(
            "replicas", new LoadSpread(12, 8),
            "disk", new LoadSpread(3 * GIB, 2 * GIB)),
        Map.of(
            "replicas", new LoadSpread(9, 8),
            "disk", new LoadSpread(2.5 * GIB, 2 * GIB)),
        partitions,
        moves);
  }

  /** A rebalance at {@code percent}, of 12 partitions and 2.4 GiB. */
  public static BalanceProgress progress(int percent) {
    return new BalanceProgress(
        "plan-7",
        "moving replicas",
        12,
        12 * percent / 100,
        0,
        0,
        24 * GIB / 10,
        24 * GIB / 10 * percent / 100,
        percent,
        percent == 100
            ? List.of()
            : List.of(
                new PartitionReassignment("orders", 6, List.of(0, 2), List.of(1, 0)),
                new PartitionReassignment("orders", 7, List.of(2, 1), List.of(0, 1))),
        AT,
        percent == 100 ? Optional.of(AT.plusSeconds(90)) : Optional.empty());
  }
}
