package io.stratus.dataplane.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's replicas and in-sync replicas, with the {@code min.insync.replicas} in force for
 * its topic.
 *
 * @param partition the partition
 * @param replicas its replicas, preferred leader first
 * @param isr the replicas in sync with the leader
 * @param minInsyncReplicas the topic's effective {@code min.insync.replicas}
 */
public record PartitionHealth(
    TopicPartition partition, List<Integer> replicas, Set<Integer> isr, int minInsyncReplicas) {

  public PartitionHealth {
    Objects.requireNonNull(partition, "partition");
    replicas = List.copyOf(replicas);
    isr = Set.copyOf(isr);
  }

  /** Whether {@code nodeId} holds a replica of this partition. */
  public boolean hostedOn(int nodeId) {
    return replicas.contains(nodeId);
  }
}
