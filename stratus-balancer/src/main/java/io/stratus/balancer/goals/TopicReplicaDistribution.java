package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft, and last: each topic's replicas spread evenly over the alive brokers, so that losing a
 * broker, or a hot topic, hits few brokers. A broker may hold from {@code min(ceil(mean × (1 −
 * lower)), floor(mean) − gap)} to {@code max(floor(mean × (1 + upper)), ceil(mean) + gap)} replicas
 * of a topic whose mean per alive broker is {@code mean}, and never fewer than 0. The gap keeps
 * small topics from counting as unbalanced for holding two replicas on one broker where the mean is
 * a fraction of one: fixing that by chance collision would copy many bytes for little.
 *
 * <p>Violations are (topic, broker) pairs outside the band. Benefits count one replica of a topic
 * as much as one replica in {@link ReplicaDistribution}.
 */
public final class TopicReplicaDistribution implements Goal {

  private final double upperThreshold;
  private final double lowerThreshold;
  private final int gap;
  private int[] lower;
  private int[] upper;
  private double unit;

  /**
   * @param upperThreshold how far above a topic's mean a broker may be, as a share of it
   * @param lowerThreshold how far below it a broker may be, as a share of it
   * @param gap replicas of one topic a broker may hold beyond the mean rounded, whatever the shares
   */
  public TopicReplicaDistribution(double upperThreshold, double lowerThreshold, int gap) {
    if (!(upperThreshold >= 0) || !(lowerThreshold >= 0) || lowerThreshold > 1 || gap < 0) {
      throw new IllegalArgumentException(
          "topic distribution needs upper ≥ 0, 0 ≤ lower ≤ 1 and gap ≥ 0, got upper="
              + upperThreshold
              + " lower="
              + lowerThreshold
              + " gap="
              + gap);
    }
    this.upperThreshold = upperThreshold;
    this.lowerThreshold = lowerThreshold;
    this.gap = gap;
  }

  @Override
  public String name() {
    return "TopicReplicaDistribution";
  }

  @Override
  public boolean hard() {
    return false;
  }

  @Override
  public void prepare(BalancingState state) {
    int topics = state.topicCount();
    lower = new int[topics];
    upper = new int[topics];
    long[] replicas = new long[topics];
    for (int p = 0; p < state.partitionCount(); p++) {
      replicas[state.topic(p)] += state.replicationFactor(p);
    }
    int alive = state.aliveCount();
    for (int t = 0; t < topics; t++) {
      if (alive == 0) {
        upper[t] = Integer.MAX_VALUE;
        continue;
      }
      double mean = (double) replicas[t] / alive;
      upper[t] =
          (int)
              Math.max(
                  Math.floor(mean * (1 + upperThreshold) + 1e-9), Math.ceil(mean - 1e-9) + gap);
      lower[t] =
          (int)
              Math.max(
                  0,
                  Math.min(
                      Math.ceil(mean * (1 - lowerThreshold) - 1e-9),
                      Math.floor(mean + 1e-9) - gap));
    }
    unit = 1 / Math.max(1, state.mean(Resource.REPLICAS));
  }

  private int shortfall(int topic, int count) {
    return count > upper[topic]
        ? count - upper[topic]
        : count < lower[topic] ? lower[topic] - count : 0;
  }

  private boolean acceptsChange(BalancingState state, int topic, int b, int delta) {
    if (!state.isAlive(b)) {
      return true;
    }
    int before = state.topicReplicas(topic, b);
    int after = before + delta;
    if (after > upper[topic]) {
      return after <= before;
    }
    if (after < lower[topic]) {
      return after >= before;
    }
    return true;
  }

  private double reduction(BalancingState state, int topic, int b, int delta) {
    if (!state.isAlive(b)) {
      return 0;
    }
    int before = state.topicReplicas(topic, b);
    return (shortfall(topic, before) - shortfall(topic, before + delta)) * unit;
  }

  @Override
  public boolean acceptsMove(BalancingState state, int slot, int dst) {
    int topic = state.topic(state.partitionOf(slot));
    return acceptsChange(state, topic, state.brokerOf(slot), -1)
        && acceptsChange(state, topic, dst, 1);
  }

  @Override
  public boolean acceptsLeadership(BalancingState state, int newLeaderSlot) {
    return true;
  }

  @Override
  public boolean acceptsSwap(BalancingState state, int slotA, int slotB) {
    if (state.topic(state.partitionOf(slotA)) == state.topic(state.partitionOf(slotB))) {
      return true;
    }
    return acceptsMove(state, slotA, state.brokerOf(slotB))
        && acceptsMove(state, slotB, state.brokerOf(slotA));
  }

  @Override
  public double moveBenefit(BalancingState state, int slot, int dst) {
    int topic = state.topic(state.partitionOf(slot));
    return reduction(state, topic, state.brokerOf(slot), -1) + reduction(state, topic, dst, 1);
  }

  @Override
  public double leadershipBenefit(BalancingState state, int newLeaderSlot) {
    return 0;
  }

  @Override
  public double swapBenefit(BalancingState state, int slotA, int slotB) {
    if (state.topic(state.partitionOf(slotA)) == state.topic(state.partitionOf(slotB))) {
      return 0;
    }
    return moveBenefit(state, slotA, state.brokerOf(slotB))
        + moveBenefit(state, slotB, state.brokerOf(slotA));
  }

  @Override
  public int violations(BalancingState state) {
    int violations = 0;
    for (int t = 0; t < state.topicCount(); t++) {
      for (int b : state.aliveBrokers()) {
        if (shortfall(t, state.topicReplicas(t, b)) > 0) {
          violations++;
        }
      }
    }
    return violations;
  }

  @Override
  public String detail(BalancingState state) {
    List<String> examples = new ArrayList<>();
    int violations = 0;
    for (int t = 0; t < state.topicCount(); t++) {
      for (int b : state.aliveBrokers()) {
        int count = state.topicReplicas(t, b);
        if (shortfall(t, count) > 0) {
          violations++;
          if (examples.size() < 3) {
            examples.add(
                state.topicName(t)
                    + " has "
                    + count
                    + " on broker "
                    + state.brokerId(b)
                    + " (allowed "
                    + lower[t]
                    + "–"
                    + upper[t]
                    + ")");
          }
        }
      }
    }
    if (violations == 0) {
      return "";
    }
    return violations
        + " topic and broker pair"
        + (violations == 1 ? "" : "s")
        + " outside the band, e.g. "
        + String.join("; ", examples)
        + "; the goals before this one leave no move that evens them out";
  }

  @Override
  public void optimize(BalancingState state, GoalContext context) {
    for (int t = 0; t < state.topicCount(); t++) {
      for (int b : state.aliveBrokers()) {
        while (state.topicReplicas(t, b) > upper[t] && shed(state, context, t, b)) {
          // each pass moves one replica of t off b
        }
      }
      for (int b : state.aliveBrokers()) {
        while (state.topicReplicas(t, b) < lower[t] && fill(state, context, t, b)) {
          // each pass moves one replica of t onto b
        }
      }
    }
  }

  /** Moves the best replica of topic {@code t} off broker {@code src}; false if none can go. */
  private boolean shed(BalancingState state, GoalContext context, int t, int src) {
    int bestSlot = -1;
    int bestBroker = -1;
    double bestScore = 0;
    int[] slots = state.slotsCopy(src);
    for (int slot : slots) {
      int p = state.partitionOf(slot);
      if (state.topic(p) != t) {
        continue;
      }
      for (int dst : state.aliveBrokers()) {
        if (state.topicReplicas(t, dst) >= upper[t] || state.hosts(p, dst)) {
          continue;
        }
        double score = candidate(state, context, slot, dst);
        if (score > bestScore) {
          bestScore = score;
          bestSlot = slot;
          bestBroker = dst;
        }
      }
    }
    return apply(state, bestSlot, bestBroker);
  }

  /** Moves the best replica of topic {@code t} onto broker {@code dst}; false if none can come. */
  private boolean fill(BalancingState state, GoalContext context, int t, int dst) {
    int bestSlot = -1;
    double bestScore = 0;
    for (int src : state.aliveBrokers()) {
      if (src == dst || state.topicReplicas(t, src) <= Math.max(lower[t], 0)) {
        continue;
      }
      int[] slots = state.slots(src);
      for (int i = 0, n = state.slotCount(src); i < n; i++) {
        int slot = slots[i];
        int p = state.partitionOf(slot);
        if (state.topic(p) != t || state.hosts(p, dst)) {
          continue;
        }
        double score = candidate(state, context, slot, dst);
        if (score > bestScore) {
          bestScore = score;
          bestSlot = slot;
        }
      }
    }
    return apply(state, bestSlot, dst);
  }

  private double candidate(BalancingState state, GoalContext context, int slot, int dst) {
    double benefit = moveBenefit(state, slot, dst);
    if (benefit <= 0 || !acceptsMove(state, slot, dst) || !context.acceptsMove(state, slot, dst)) {
      return 0;
    }
    return context.scoreMove(state, slot, dst, benefit);
  }

  private static boolean apply(BalancingState state, int slot, int dst) {
    if (slot < 0) {
      return false;
    }
    state.moveReplica(slot, dst);
    return true;
  }
}
