package io.stratus.api;

import java.util.Objects;

/**
 * How the cluster stands against one balancing goal.
 *
 * @param name the goal, e.g. {@code ReplicaDistribution}
 * @param hard whether the goal must hold (hard) or is met as far as possible (soft)
 * @param satisfied whether it holds now
 * @param violations how many brokers or partitions break it
 * @param detail what is wrong, in words a user can act on; empty when satisfied
 */
public record GoalStatus(
    String name, boolean hard, boolean satisfied, int violations, String detail) {

  public GoalStatus {
    Objects.requireNonNull(name, "name");
    detail = detail == null ? "" : detail;
  }
}
