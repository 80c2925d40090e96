package io.stratus.balancer.goals;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard, and first: no replica stays on a draining or dead broker, and no partition is led by a dead
 * one. Leadership leaves a dead broker for another alive replica of the partition where there is
 * one (free); every replica on a draining or dead broker moves to the alive broker the goals after
 * this one like best. A replica no alive broker can take (every alive broker already hosts its
 * partition) stays, and is reported.
 *
 * <p>It accepts only actions that put replicas and leadership on alive brokers.
 */
public final class ReplicaEvacuation implements Goal {

  @Override
  public String name() {
    return "ReplicaEvacuation";
  }

  @Override
  public boolean hard() {
    return true;
  }

  @Override
  public void prepare(BalancingState state) {}

  @Override
  public boolean acceptsMove(BalancingState state, int slot, int dst) {
    return state.isAlive(dst);
  }

  @Override
  public boolean acceptsLeadership(BalancingState state, int newLeaderSlot) {
    return state.isAlive(state.brokerOf(newLeaderSlot));
  }

  @Override
  public boolean acceptsSwap(BalancingState state, int slotA, int slotB) {
    return state.isAlive(state.brokerOf(slotA)) && state.isAlive(state.brokerOf(slotB));
  }

  @Override
  public double moveBenefit(BalancingState state, int slot, int dst) {
    return evacuation(state, slot, state.brokerOf(slot)) - evacuation(state, slot, dst);
  }

  /** The violations {@code slot} would count for on broker {@code b}. */
  private static double evacuation(BalancingState state, int slot, int b) {
    if (state.isAlive(b)) {
      return 0;
    }
    return state.isDead(b) && state.isLeader(slot) ? 2 : 1;
  }

  @Override
  public double leadershipBenefit(BalancingState state, int newLeaderSlot) {
    int p = state.partitionOf(newLeaderSlot);
    double before = state.isDead(state.brokerOf(state.leaderSlot(p))) ? 1 : 0;
    double after = state.isDead(state.brokerOf(newLeaderSlot)) ? 1 : 0;
    return before - after;
  }

  @Override
  public double swapBenefit(BalancingState state, int slotA, int slotB) {
    return 0;
  }

  @Override
  public int violations(BalancingState state) {
    int violations = 0;
    for (int b = 0; b < state.brokerCount(); b++) {
      if (!state.isAlive(b)) {
        violations += state.slotCount(b);
      }
    }
    for (int p = 0; p < state.partitionCount(); p++) {
      if (state.isDead(state.brokerOf(state.leaderSlot(p)))) {
        violations++;
      }
    }
    return violations;
  }

  @Override
  public String detail(BalancingState state) {
    List<String> brokers = new ArrayList<>();
    int replicas = 0;
    for (int b = 0; b < state.brokerCount(); b++) {
      if (!state.isAlive(b) && state.slotCount(b) > 0) {
        replicas += state.slotCount(b);
        brokers.add(
            state.brokerId(b)
                + " ("
                + state.health(b).name().toLowerCase(java.util.Locale.ROOT)
                + ", "
                + state.slotCount(b)
                + ")");
      }
    }
    int deadLed = 0;
    for (int p = 0; p < state.partitionCount(); p++) {
      if (state.isDead(state.brokerOf(state.leaderSlot(p)))) {
        deadLed++;
      }
    }
    if (replicas == 0 && deadLed == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (replicas > 0) {
      text.append(replicas)
          .append(" replica")
          .append(replicas == 1 ? "" : "s")
          .append(" still on brokers that must give them up: ")
          .append(String.join(", ", brokers.subList(0, Math.min(5, brokers.size()))))
          .append(brokers.size() > 5 ? ", …" : "");
    }
    if (deadLed > 0) {
      text.append(text.length() == 0 ? "" : "; ")
          .append(deadLed)
          .append(" partition")
          .append(deadLed == 1 ? "" : "s")
          .append(" led by a dead broker");
    }
    return text.append("; every alive broker already hosts those partitions: add brokers")
        .toString();
  }

  @Override
  public void optimize(BalancingState state, GoalContext context) {
    for (int p = 0; p < state.partitionCount(); p++) {
      if (state.isDead(state.brokerOf(state.leaderSlot(p)))) {
        moveLeadershipOffDeadBroker(state, context, p);
      }
    }
    for (int b = 0; b < state.brokerCount(); b++) {
      if (!state.isAlive(b)) {
        for (int slot : state.slotsCopy(b)) {
          evacuate(state, context, slot);
        }
      }
    }
  }

  private void moveLeadershipOffDeadBroker(BalancingState state, GoalContext context, int p) {
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int t = state.slotStart(p), end = state.slotStart(p + 1); t < end; t++) {
      if (!state.isAlive(state.brokerOf(t)) || !context.acceptsLeadership(state, t)) {
        continue;
      }
      double score = context.scoreLeadership(state, t, leadershipBenefit(state, t));
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (best >= 0) {
      state.transferLeadership(best);
    }
  }

  private void evacuate(BalancingState state, GoalContext context, int slot) {
    int p = state.partitionOf(slot);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int dst : state.aliveBrokers()) {
      if (state.hosts(p, dst) || !context.acceptsMove(state, slot, dst)) {
        continue;
      }
      double score = context.scoreMove(state, slot, dst, moveBenefit(state, slot, dst));
      if (score > bestScore) {
        bestScore = score;
        best = dst;
      }
    }
    if (best >= 0) {
      state.moveReplica(slot, best);
    }
  }
}
