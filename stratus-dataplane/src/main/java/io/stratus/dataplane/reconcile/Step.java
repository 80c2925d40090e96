package io.stratus.dataplane.reconcile;

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
}
