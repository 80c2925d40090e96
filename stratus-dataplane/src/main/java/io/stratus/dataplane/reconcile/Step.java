package io.stratus.dataplane.reconcile;

import io.stratus.api.OperationKind;
import io.stratus.dataplane.substrate.ClusterRevision;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One thing the agent does to bring a cluster closer to its desired state. */
public sealed interface Step {

  /** Create the cluster's nodes on the substrate and start them all. */
  record Provision(int brokers) implements Step {}

  /** Start these nodes, whose processes are not running, with their existing data. */
  record StartNodes(Set<Integer> nodeIds) implements Step {}

  /** Add one broker-only node and start it. */
  record AddBroker() implements Step {}

  /**
   * Empty a broker that is to be removed: cordon it so no new partition is placed on it, and have
   * the balancer move its replicas to the brokers that stay.
   */
  record DrainBroker(int brokerId) implements Step {}

  /** Stop an empty broker, unregister it and delete its data. */
  record RemoveBroker(int brokerId) implements Step {}

  /** Create SCRAM users and ACLs for these tenant keys. */
  record CreateKeys(Set<String> keys) implements Step {}

  /** Stop every node and delete all of the cluster's data. */
  record DeleteCluster() implements Step {}

  /**
   * Take in a changed spec: apply the settings Kafka changes live as cluster-wide dynamic defaults,
   * then record the new target on the substrate; when {@code roll} is present the revision's
   * generation moves on and every node is due a restart.
   *
   * @param kafkaVersion the version the nodes should run
   * @param revision the new revision
   * @param liveSettings settings to apply now to the running brokers
   * @param roll why the nodes must restart, if they must
   */
  record Retarget(
      String kafkaVersion,
      ClusterRevision revision,
      Map<String, String> liveSettings,
      Optional<OperationKind> roll)
      implements Step {}

  /**
   * Restart one node, gracefully (controlled shutdown moves its leadership away first), so that it
   * starts with the layout's version and configuration.
   */
  record RestartNode(int nodeId) implements Step {}

  /** Raise the cluster's finalized {@code metadata.version} to the level every node supports. */
  record FinalizeMetadataVersion(short level) implements Step {}
}
