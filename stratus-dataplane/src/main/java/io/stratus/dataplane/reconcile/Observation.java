package io.stratus.dataplane.reconcile;

import io.stratus.api.DesiredCluster;
import io.stratus.dataplane.substrate.ClusterLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything the agent saw of one cluster at one moment, the sole input of {@link ClusterDecider}.
 *
 * @param desired what the control plane wants
 * @param layout the cluster's nodes on the substrate, absent if it has none yet
 * @param alive for each node of the layout, whether its process runs
 * @param registered the brokers registered and unfenced, absent if the cluster did not answer
 * @param assignments every partition's replicas; only observed while shrinking
 * @param reassigning partitions being moved right now; only observed while shrinking
 * @param missingKeys tenant keys issued for the cluster that it has no SCRAM user for yet
 * @param everReady whether the cluster has been ready before (then changes are UPDATING, not
 *     PROVISIONING)
 * @param lifecycle what was read from Kafka for rolls, upgrades and shrinks
 */
public record Observation(
    DesiredCluster desired,
    Optional<ClusterLayout> layout,
    Map<Integer, Boolean> alive,
    Optional<Set<Integer>> registered,
    Optional<Map<TopicPartition, List<Integer>>> assignments,
    Set<TopicPartition> reassigning,
    Set<String> missingKeys,
    boolean everReady,
    LifecycleFacts lifecycle) {

  public Observation {
    lifecycle = lifecycle == null ? LifecycleFacts.NONE : lifecycle;
    alive = Map.copyOf(alive);
    reassigning = Set.copyOf(reassigning);
    missingKeys = Set.copyOf(missingKeys);
  }

  /** An observation with nothing read for the lifecycle. */
  public Observation(
      DesiredCluster desired,
      Optional<ClusterLayout> layout,
      Map<Integer, Boolean> alive,
      Optional<Set<Integer>> registered,
      Optional<Map<TopicPartition, List<Integer>>> assignments,
      Set<TopicPartition> reassigning,
      Set<String> missingKeys,
      boolean everReady) {
    this(
        desired,
        layout,
        alive,
        registered,
        assignments,
        reassigning,
        missingKeys,
        everReady,
        LifecycleFacts.NONE);
  }

  /** This observation with lifecycle facts. */
  public Observation with(LifecycleFacts facts) {
    return new Observation(
        desired,
        layout,
        alive,
        registered,
        assignments,
        reassigning,
        missingKeys,
        everReady,
        facts);
  }
}
