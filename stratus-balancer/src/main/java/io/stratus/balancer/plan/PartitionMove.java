package io.stratus.balancer.plan;

import java.util.List;
import java.util.Objects;

/**
 * The change the plan makes to one partition: a new replica list (whose first entry is the leader
 * the plan wants), possibly the same set of brokers in another order when only leadership moves.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param oldReplicas the replica list before, in Kafka's order
 * @param newReplicas the replica list after; its first entry is the planned leader
 * @param oldLeader the leader before, or -1 if it had none
 * @param bytesToMove the bytes copied to create the new replicas: local bytes times the number of
 *     brokers added to the list
 */
public record PartitionMove(
    String topic,
    int partition,
    List<Integer> oldReplicas,
    List<Integer> newReplicas,
    int oldLeader,
    long bytesToMove) {

  public PartitionMove {
    Objects.requireNonNull(topic, "topic");
    oldReplicas = List.copyOf(oldReplicas);
    newReplicas = List.copyOf(newReplicas);
    if (newReplicas.isEmpty()) {
      throw new IllegalArgumentException(topic + "-" + partition + ": empty new replica list");
    }
  }

  /** The leader the plan wants. */
  public int newLeader() {
    return newReplicas.get(0);
  }

  /** Whether replicas change brokers (as opposed to a change of leader or order only). */
  public boolean movesReplicas() {
    return !sameBrokers(oldReplicas, newReplicas);
  }

  /** Whether the planned leader differs from the current one. */
  public boolean movesLeadership() {
    return newLeader() != oldLeader;
  }

  /** The brokers that gain a replica. */
  public List<Integer> addedBrokers() {
    return newReplicas.stream().filter(b -> !oldReplicas.contains(b)).toList();
  }

  /** The brokers that lose a replica. */
  public List<Integer> removedBrokers() {
    return oldReplicas.stream().filter(b -> !newReplicas.contains(b)).toList();
  }

  private static boolean sameBrokers(List<Integer> a, List<Integer> b) {
    return a.size() == b.size() && a.containsAll(b);
  }
}
