package io.stratus.dataplane.reconcile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a broker can be emptied before it is removed, and how much it still holds. Where its
 * replicas go is the balancer's choice; this only refuses removals no placement could satisfy.
 * Pure; thread-safe.
 */
final class DrainCheck {

  private DrainCheck() {}

  /**
   * Why the brokers that stay could not hold every partition, if they could not: a partition needs
   * as many distinct brokers as its replication factor.
   */
  static Optional<String> blocker(
      Map<TopicPartition, List<Integer>> assignments, Set<Integer> remaining) {
    return assignments.entrySet().stream()
        .filter(e -> e.getValue().size() > remaining.size())
        .min(
            Comparator.<Map.Entry<TopicPartition, List<Integer>>, String>comparing(
                    e -> e.getKey().topic())
                .thenComparingInt(e -> e.getKey().partition()))
        .map(
            e ->
                "partition "
                    + e.getKey()
                    + " has replication factor "
                    + e.getValue().size()
                    + " but only "
                    + remaining.size()
                    + " brokers would remain; lower its replication factor or keep more brokers");
  }

  /** How many replicas the broker hosts. */
  static long replicasOn(int broker, Map<TopicPartition, List<Integer>> assignments) {
    return assignments.values().stream().filter(replicas -> replicas.contains(broker)).count();
  }
}
