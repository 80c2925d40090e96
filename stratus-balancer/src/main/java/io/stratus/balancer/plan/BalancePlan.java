package io.stratus.balancer.plan;

import io.stratus.balancer.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * What the optimizer proposes for a cluster, and how it stands against the goals.
 *
 * @param moves one entry per partition that changes, replicas or leadership
 * @param goals every goal in priority order, with how it stood before and after the plan
 * @param before the max and mean broker load per resource before the plan
 * @param after the same after the plan
 * @param bytesToMove the bytes all moves copy (local bytes only)
 * @param planMillis how long planning took
 */
public record BalancePlan(
    List<PartitionMove> moves,
    List<GoalResult> goals,
    Map<Resource, Spread> before,
    Map<Resource, Spread> after,
    long bytesToMove,
    long planMillis) {

  public BalancePlan {
    moves = List.copyOf(moves);
    goals = List.copyOf(goals);
    before = Map.copyOf(before);
    after = Map.copyOf(after);
  }

  /** Whether the plan changes nothing. */
  public boolean isEmpty() {
    return moves.isEmpty();
  }

  /** The number of replicas the plan creates on new brokers. */
  public int replicaMoves() {
    return moves.stream().mapToInt(m -> m.addedBrokers().size()).sum();
  }

  /** The number of partitions whose leader the plan changes. */
  public int leadershipMoves() {
    return (int) moves.stream().filter(PartitionMove::movesLeadership).count();
  }

  /**
   * The largest and mean load over the brokers that may hold replicas.
   *
   * @param max the most loaded broker's load
   * @param mean the mean load
   */
  public record Spread(double max, double mean) {

    /** How far the most loaded broker is above the mean, as a fraction of the mean (0 if even). */
    public double excess() {
      return mean == 0 ? 0 : max / mean - 1;
    }
  }

  /**
   * How one goal stood before and after the plan.
   *
   * @param goal the goal's name, e.g. {@code DiskUsageDistribution}
   * @param hard whether the goal is hard (must hold) or soft (improved as far as possible)
   * @param satisfiedBefore whether it held before the plan
   * @param satisfiedAfter whether it holds after the plan
   * @param violationsBefore how many brokers or partitions violated it before
   * @param violationsAfter how many violate it after
   * @param detail what is still wrong, in words a user can act on; empty when satisfied
   */
  public record GoalResult(
      String goal,
      boolean hard,
      boolean satisfiedBefore,
      boolean satisfiedAfter,
      int violationsBefore,
      int violationsAfter,
      String detail) {}
}
