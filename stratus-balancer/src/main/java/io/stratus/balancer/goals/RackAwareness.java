package io.stratus.balancer.goals;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard: a partition's replicas lie on distinct racks when the alive brokers span at least as many
 * racks as it has replicas, and otherwise as evenly as the racks allow: no rack holds more than
 * {@code ceil(RF / alive racks)} of them. A partition violates the goal by the replicas a rack
 * holds beyond that; replicas on draining and dead brokers count in their rack until they move.
 *
 * <p>It accepts any action that does not add to a partition's excess.
 */
public final class RackAwareness implements Goal {

  @Override
  public String name() {
    return "RackAwareness";
  }

  @Override
  public boolean hard() {
    return true;
  }

  @Override
  public void prepare(BalancingState state) {}

  /** The most replicas of partition {@code p} one rack may hold. */
  static int allowedPerRack(BalancingState state, int p) {
    int racks = Math.max(1, state.aliveRackCount());
    int rf = state.replicationFactor(p);
    return (rf + racks - 1) / racks;
  }

  /** The replicas of {@code p} in {@code rack}, not counting {@code except}. */
  private static int inRack(BalancingState state, int p, int rack, int except) {
    int count = 0;
    for (int t = state.slotStart(p), end = state.slotStart(p + 1); t < end; t++) {
      if (t != except && state.rack(state.brokerOf(t)) == rack) {
        count++;
      }
    }
    return count;
  }

  /** The excess of partition {@code p}: replicas beyond what each rack may hold. */
  static int excess(BalancingState state, int p) {
    int allowed = allowedPerRack(state, p);
    int excess = 0;
    int start = state.slotStart(p);
    int end = state.slotStart(p + 1);
    for (int t = start; t < end; t++) {
      int rack = state.rack(state.brokerOf(t));
      boolean first = true;
      for (int u = start; u < t; u++) {
        if (state.rack(state.brokerOf(u)) == rack) {
          first = false;
          break;
        }
      }
      if (first) {
        excess += Math.max(0, inRack(state, p, rack, -1) - allowed);
      }
    }
    return excess;
  }

  /** How much moving {@code slot} to {@code dst} lowers its partition's excess. */
  private static int reduction(BalancingState state, int slot, int dst) {
    int from = state.rack(state.brokerOf(slot));
    int to = state.rack(dst);
    if (from == to) {
      return 0;
    }
    int p = state.partitionOf(slot);
    int allowed = allowedPerRack(state, p);
    int inFrom = inRack(state, p, from, -1);
    int inTo = inRack(state, p, to, slot);
    int before = Math.max(0, inFrom - allowed) + Math.max(0, inTo - allowed);
    int after = Math.max(0, inFrom - 1 - allowed) + Math.max(0, inTo + 1 - allowed);
    return before - after;
  }

  @Override
  public boolean acceptsMove(BalancingState state, int slot, int dst) {
    return reduction(state, slot, dst) >= 0;
  }

  @Override
  public boolean acceptsLeadership(BalancingState state, int newLeaderSlot) {
    return true;
  }

  @Override
  public boolean acceptsSwap(BalancingState state, int slotA, int slotB) {
    return reduction(state, slotA, state.brokerOf(slotB)) >= 0
        && reduction(state, slotB, state.brokerOf(slotA)) >= 0;
  }

  @Override
  public double moveBenefit(BalancingState state, int slot, int dst) {
    return reduction(state, slot, dst);
  }

  @Override
  public double leadershipBenefit(BalancingState state, int newLeaderSlot) {
    return 0;
  }

  @Override
  public double swapBenefit(BalancingState state, int slotA, int slotB) {
    return reduction(state, slotA, state.brokerOf(slotB))
        + reduction(state, slotB, state.brokerOf(slotA));
  }

  @Override
  public int violations(BalancingState state) {
    int violations = 0;
    for (int p = 0; p < state.partitionCount(); p++) {
      if (excess(state, p) > 0) {
        violations++;
      }
    }
    return violations;
  }

  @Override
  public String detail(BalancingState state) {
    List<String> examples = new ArrayList<>();
    int violations = 0;
    for (int p = 0; p < state.partitionCount(); p++) {
      if (excess(state, p) > 0) {
        violations++;
        if (examples.size() < 3) {
          StringBuilder racks = new StringBuilder();
          for (int i = 0; i < state.replicationFactor(p); i++) {
            racks
                .append(i == 0 ? "" : ",")
                .append(state.rackName(state.rack(state.replicaBroker(p, i))));
          }
          examples.add(state.partition(p).name() + " on racks " + racks);
        }
      }
    }
    if (violations == 0) {
      return "";
    }
    return violations
        + " partition"
        + (violations == 1 ? "" : "s")
        + " with more replicas in one rack than "
        + state.aliveRackCount()
        + " alive rack"
        + (state.aliveRackCount() == 1 ? "" : "s")
        + " require, e.g. "
        + String.join("; ", examples)
        + "; no alive broker in another rack can take them: add brokers in other racks";
  }

  @Override
  public void optimize(BalancingState state, GoalContext context) {
    for (int p = 0; p < state.partitionCount(); p++) {
      for (int attempt = 0;
          attempt < state.replicationFactor(p) && excess(state, p) > 0;
          attempt++) {
        if (!fixOne(state, context, p)) {
          break;
        }
      }
    }
  }

  private boolean fixOne(BalancingState state, GoalContext context, int p) {
    int bestSlot = -1;
    int bestBroker = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int slot = state.slotStart(p), end = state.slotStart(p + 1); slot < end; slot++) {
      for (int dst : state.aliveBrokers()) {
        if (state.hosts(p, dst) || reduction(state, slot, dst) <= 0) {
          continue;
        }
        if (!context.acceptsMove(state, slot, dst)) {
          continue;
        }
        double score = context.scoreMove(state, slot, dst, reduction(state, slot, dst));
        if (score > bestScore) {
          bestScore = score;
          bestSlot = slot;
          bestBroker = dst;
        }
      }
    }
    if (bestSlot < 0) {
      return false;
    }
    state.moveReplica(bestSlot, bestBroker);
    return true;
  }
}
