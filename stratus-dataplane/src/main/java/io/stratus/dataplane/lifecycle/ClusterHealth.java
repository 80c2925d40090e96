package io.stratus.dataplane.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the safe-roll gate needs to know about a cluster at one moment. Immutable.
 *
 * @param nodes every node of the cluster, by node id
 * @param partitions every partition of every topic
 * @param quorum the metadata quorum, absent if it could not be read
 */
public record ClusterHealth(
    Map<Integer, NodeHealth> nodes,
    List<PartitionHealth> partitions,
    Optional<QuorumHealth> quorum) {

  public ClusterHealth {
    nodes = Map.copyOf(nodes);
    partitions = List.copyOf(partitions);
    Objects.requireNonNull(quorum, "quorum");
  }
}
