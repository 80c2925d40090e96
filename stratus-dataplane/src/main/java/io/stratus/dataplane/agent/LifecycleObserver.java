package io.stratus.dataplane.agent;

import io.stratus.api.DesiredCluster;
import io.stratus.dataplane.kafka.ClusterAdmin;
import io.stratus.dataplane.kafka.MetadataVersionLevels;
import io.stratus.dataplane.lifecycle.ClusterHealth;
import io.stratus.dataplane.lifecycle.NodeCondition;
import io.stratus.dataplane.lifecycle.NodeHealth;
import io.stratus.dataplane.reconcile.LifecycleFacts;
import io.stratus.dataplane.reconcile.TargetChange;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.NodeLayout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads from Kafka what the next lifecycle decision needs, and only that: which changed settings
 * Kafka applies live while a change waits, partition and quorum health while nodes roll or settle,
 * the {@code metadata.version} until it is known to be current, where the data lies while
 * shrinking. Remembers per cluster which clusters are settling after a restart and the last
 * metadata version read. Not thread-safe: used from the agent's loop thread only.
 */
final class LifecycleObserver {

  /** Asks the cluster a question through its Admin client; empty when Kafka does not answer. */
  interface KafkaQuestions {
    <T> Optional<T> ask(Function<ClusterAdmin, T> question);
  }

  private final Set<String> settling = new HashSet<>();
  private final Map<String, MetadataVersionLevels> metadataVersions = new HashMap<>();

  /** What the decision for this pass needs to know. */
  LifecycleFacts facts(
      DesiredCluster desired,
      ClusterLayout layout,
      Map<Integer, Boolean> alive,
      Set<Integer> registered,
      KafkaQuestions kafka,
      Supplier<Set<Integer>> cordons,
      long brokerDiskBytes) {
    String id = desired.id();
    TargetChange change = TargetChange.between(desired.spec(), layout);
    Optional<Set<String>> restartOnly = Optional.empty();
    if (!change.set().isEmpty() && !registered.isEmpty()) {
      int anyBroker = registered.stream().min(Integer::compare).orElseThrow();
      restartOnly =
          kafka.ask(admin -> admin.lifecycle().restartOnly(change.set().keySet(), anyBroker));
    } else if (!change.changedKeys().isEmpty()) {
      restartOnly = Optional.of(Set.of());
    }
    boolean rolling = !layout.dueRestart().isEmpty();
    Optional<ClusterHealth> health = Optional.empty();
    if (rolling || settling.contains(id)) {
      health = kafka.ask(admin -> health(admin, layout, alive, registered));
    }
    long brokers = layout.brokers().size();
    boolean allRegistered = registered.size() >= brokers;
    Optional<MetadataVersionLevels> metadata = Optional.empty();
    if (!rolling && allRegistered && !change.any()) {
      MetadataVersionLevels known = metadataVersions.get(id);
      if (known == null || known.behind()) {
        metadata = kafka.ask(admin -> admin.lifecycle().metadataVersion());
        metadata.ifPresent(levels -> metadataVersions.put(id, levels));
      }
    }
    Map<Integer, Long> bytes = Map.of();
    Set<Integer> cordoned = Set.of();
    if (allRegistered && brokers > desired.spec().brokers()) {
      bytes = kafka.ask(admin -> admin.lifecycle().localBytesByBroker(registered)).orElse(Map.of());
      cordoned = kafka.ask(admin -> Set.copyOf(cordons.get())).orElse(Set.of());
    }
    return new LifecycleFacts(health, restartOnly, metadata, bytes, cordoned, brokerDiskBytes);
  }

  /** A node of the cluster is being restarted: read health until the roll has settled. */
  void restarting(String clusterId) {
    settling.add(clusterId);
  }

  /** No roll runs or settles any more. */
  void settled(String clusterId) {
    settling.remove(clusterId);
  }

  /** The metadata version may change (an upgrade began or was finalized): read it again. */
  void metadataVersionChanging(String clusterId) {
    metadataVersions.remove(clusterId);
  }

  /** The metadata version last read, if any. */
  Optional<MetadataVersionLevels> metadataVersion(String clusterId) {
    return Optional.ofNullable(metadataVersions.get(clusterId));
  }

  /** Forgets a deleted cluster. */
  void forget(String clusterId) {
    settling.remove(clusterId);
    metadataVersions.remove(clusterId);
  }

  private static ClusterHealth health(
      ClusterAdmin admin,
      ClusterLayout layout,
      Map<Integer, Boolean> alive,
      Set<Integer> registered) {
    Map<Integer, NodeHealth> nodes = new HashMap<>();
    for (NodeLayout node : layout.nodes()) {
      NodeCondition condition;
      if (!alive.getOrDefault(node.nodeId(), false)) {
        condition = NodeCondition.DOWN;
      } else if (!node.runsBroker() || registered.contains(node.nodeId())) {
        condition = NodeCondition.SERVING;
      } else {
        condition = NodeCondition.STARTING;
      }
      nodes.put(
          node.nodeId(),
          new NodeHealth(node.nodeId(), node.runsBroker(), node.runsController(), condition));
    }
    return new ClusterHealth(
        nodes, admin.lifecycle().partitions(), Optional.of(admin.lifecycle().quorum()));
  }
}
