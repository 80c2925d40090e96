package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.ClusterRevision;
import io.stratus.dataplane.substrate.InternalCredentials;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.Uuid;

/**
 * Decides the topology of a new cluster and of added brokers. KRaft with a static quorum: nodes
 * {@code 0..c-1} are combined broker-and-controller nodes, where {@code c} is 3 with three or more
 * brokers and 1 otherwise; every further node is broker-only. Pure given its random sources; not
 * thread-safe when they are not.
 */
final class LayoutPlanner {

  private final RandomGenerator secrets;
  private final Supplier<Uuid> kafkaClusterIds;

  LayoutPlanner(RandomGenerator secrets, Supplier<Uuid> kafkaClusterIds) {
    this.secrets = secrets;
    this.kafkaClusterIds = kafkaClusterIds;
  }

  /** How many of a cluster's first nodes are controllers. */
  static int controllerCount(int brokers) {
    return brokers >= 3 ? 3 : 1;
  }

  /** The layout of a new cluster, with ports taken from {@code ports}. */
  ClusterLayout plan(ClusterPlan plan, String clientHost, IntSupplier ports) {
    int controllers = controllerCount(plan.brokers());
    var nodes = new ArrayList<NodeLayout>();
    for (int nodeId = 0; nodeId < plan.brokers(); nodeId++) {
      nodes.add(node(nodeId, nodeId < controllers, plan.tenantListener(), ports));
    }
    // Checked here so that a key the platform owns fails the provision, not the first start.
    BrokerConfigFactory.clusterConfig(plan.brokers(), plan.configOverrides());
    return new ClusterLayout(
        plan.clusterId(),
        kafkaClusterIds.get().toString(),
        plan.kafkaVersion(),
        clientHost,
        plan.tenantListener(),
        InternalCredentials.generate(secrets),
        BrokerConfigFactory.clusterConfig(plan.brokers(), Map.of()),
        nodes,
        ClusterRevision.initial(plan.configOverrides()));
  }

  /** One more broker-only node for the cluster, with the next node id. */
  static NodeLayout nextBroker(ClusterLayout layout, IntSupplier ports) {
    return node(layout.nextNodeId(), false, layout.tenantListener(), ports);
  }

  private static NodeLayout node(
      int nodeId, boolean controller, boolean tenantListener, IntSupplier ports) {
    var roles =
        controller ? EnumSet.of(NodeRole.BROKER, NodeRole.CONTROLLER) : EnumSet.of(NodeRole.BROKER);
    int clientPort = tenantListener ? ports.getAsInt() : 0;
    int internalPort = ports.getAsInt();
    int controllerPort = controller ? ports.getAsInt() : 0;
    return new NodeLayout(nodeId, roles, clientPort, internalPort, controllerPort);
  }
}
