package io.stratus.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan the balancer made for one cluster, summed up for people: why it was made, what it moves,
 * and how the load spread before and would spread after it.
 *
 * @param planId identifies the plan; the {@link BalanceProgress} of its execution names it too
 * @param trigger why the plan was made, e.g. {@code broker 4 added}, {@code uneven load}, {@code
 *     requested}, {@code broker 2 draining}
 * @param dryRun whether the plan was only computed ({@link BalanceAction#PLAN}) and not carried out
 * @param createdAt when planning finished
 * @param replicaMoves replicas created on brokers that did not hold them
 * @param leadershipMoves partitions whose leader changes
 * @param bytesToMove bytes all replica moves copy (local bytes only)
 * @param planMillis how long planning took
 * @param spreadBefore the load spread before the plan, keyed by one of {@link #RESOURCES}
 * @param spreadAfter the load spread the plan leads to, keyed the same way
 * @param partitionsChanged how many partitions the plan changes, including those not in {@code
 *     moves}
 * @param moves the first {@link #MAX_MOVES} partition changes of the plan; longer lists are cut
 */
public record PlanSummary(
    String planId,
    String trigger,
    boolean dryRun,
    Instant createdAt,
    int replicaMoves,
    int leadershipMoves,
    long bytesToMove,
    long planMillis,
    Map<String, LoadSpread> spreadBefore,
    Map<String, LoadSpread> spreadAfter,
    int partitionsChanged,
    List<PartitionReassignment> moves) {

  /** The most partition changes a summary lists, so that a status stays small. */
  public static final int MAX_MOVES = 50;

  /**
   * The keys of {@code spreadBefore} and {@code spreadAfter}, in the order they are shown:
   * replicas, leaders, disk bytes, network bytes in and out per second.
   */
  public static final List<String> RESOURCES =
      List.of("replicas", "leaders", "disk", "networkIn", "networkOut");

  public PlanSummary {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(createdAt, "createdAt");
    trigger = trigger == null ? "" : trigger;
    spreadBefore = spreadBefore == null ? Map.of() : Map.copyOf(spreadBefore);
    spreadAfter = spreadAfter == null ? Map.of() : Map.copyOf(spreadAfter);
    moves =
        moves == null
            ? List.of()
            : List.copyOf(moves.subList(0, Math.min(MAX_MOVES, moves.size())));
  }
}
