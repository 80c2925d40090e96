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

  /**
   * Why the brokers that stay could not take the leaving broker's bytes, if they could not: each is
   * assumed to have {@code diskBytes} of disk, and together they must have room for what the
   * leaving broker holds.
   */
  static Optional<String> spaceBlocker(
      int leaving, Map<Integer, Long> bytes, Set<Integer> remaining, long diskBytes) {
    if (diskBytes == Long.MAX_VALUE || !bytes.containsKey(leaving)) {
      return Optional.empty();
    }
    long free = 0;
    for (int broker : remaining) {
      free += Math.max(0, diskBytes - bytes.getOrDefault(broker, 0L));
    }
    long needed = bytes.get(leaving);
    if (needed <= free) {
      return Optional.empty();
    }
    return Optional.of(
        "it holds "
            + needed
            + " bytes but the "
            + remaining.size()
            + " brokers that would remain have only "
            + free
            + " bytes free (each has "
            + diskBytes
            + "); keep more brokers or let tiered storage move old data off the brokers first");
  }
}
