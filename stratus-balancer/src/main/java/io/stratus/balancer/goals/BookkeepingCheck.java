package io.stratus.balancer.goals;

import io.stratus.balancer.model.Resource;

/**
 * Recomputes a state's bookkeeping from its slots alone: every broker's load, the replicas of each
 * topic per broker, and each broker's replica list. Actions keep these up to date one change at a
 * time; a difference means an action's bookkeeping is wrong.
 */
final class BookkeepingCheck {

  private static final Resource[] RESOURCES = Resource.values();

  private BookkeepingCheck() {}

  /**
   * @throws IllegalStateException naming the first figure that differs
   */
  static void verify(BalancingState state) {
    int brokers = state.brokerCount();
    double[][] load = new double[RESOURCES.length][brokers];
    int[][] topics = new int[state.topicCount()][brokers];
    int[] replicas = new int[brokers];
    for (int slot = 0; slot < state.slotTotal(); slot++) {
      int b = state.brokerOf(slot);
      for (Resource resource : RESOURCES) {
        load[resource.ordinal()][b] += state.slotLoad(slot, resource.ordinal());
      }
      topics[state.topic(state.partitionOf(slot))][b]++;
      replicas[b]++;
    }
    boolean[] listed = new boolean[state.slotTotal()];
    for (int b = 0; b < brokers; b++) {
      if (replicas[b] != state.slotCount(b)) {
        throw mismatch(
            "broker " + state.brokerId(b) + " lists " + state.slotCount(b) + " replicas",
            "hosts " + replicas[b]);
      }
      int[] slots = state.slots(b);
      for (int i = 0; i < state.slotCount(b); i++) {
        int slot = slots[i];
        if (state.brokerOf(slot) != b || listed[slot]) {
          throw mismatch(
              "the replica list of broker " + state.brokerId(b) + " holds slot " + slot,
              "that slot is on broker " + state.brokerId(state.brokerOf(slot)));
        }
        listed[slot] = true;
      }
      for (Resource resource : RESOURCES) {
        double kept = state.load(resource, b);
        double recomputed = load[resource.ordinal()][b];
        double tolerance = 1e-9 * Math.max(1, Math.abs(state.total(resource))) + 1e-6;
        if (Math.abs(kept - recomputed) > tolerance) {
          throw mismatch(
              "broker " + state.brokerId(b) + " " + resource.key() + " is " + kept + " by action",
              recomputed + " recomputed");
        }
      }
      for (int t = 0; t < state.topicCount(); t++) {
        if (topics[t][b] != state.topicReplicas(t, b)) {
          throw mismatch(
              "topic "
                  + state.topicName(t)
                  + " has "
                  + state.topicReplicas(t, b)
                  + " replicas on broker "
                  + state.brokerId(b)
                  + " by action",
              topics[t][b] + " recomputed");
        }
      }
    }
  }

  private static IllegalStateException mismatch(String kept, String actual) {
    return new IllegalStateException("bookkeeping mismatch: " + kept + " but " + actual);
  }
}
