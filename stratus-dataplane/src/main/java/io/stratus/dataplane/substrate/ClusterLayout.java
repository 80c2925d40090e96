package io.stratus.dataplane.substrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything provisioned for one cluster: its identity, its nodes and their ports, and the broker
 * configuration fixed at provision time. Immutable; changes produce a new layout.
 *
 * @param clusterId the platform's id of the cluster
 * @param kafkaClusterId the id Kafka's storage was formatted with
 * @param kafkaVersion the Apache Kafka version the nodes run
 * @param clientHost the host the tenant listener binds to and advertises
 * @param tenantListener whether the nodes have a tenant ({@code CLIENT}) listener
 * @param internalCredentials the platform's superuser on the internal and controller listeners
 * @param brokerConfig the cluster-wide broker configuration: defaults computed at provision time
 *     from the broker count, then the plan's overrides
 * @param nodes the nodes, ordered by node id
 */
public record ClusterLayout(
    String clusterId,
    String kafkaClusterId,
    String kafkaVersion,
    String clientHost,
    boolean tenantListener,
    InternalCredentials internalCredentials,
    Map<String, String> brokerConfig,
    List<NodeLayout> nodes) {

  /** The address internal and controller listeners bind to; never exposed to tenants. */
  public static final String INTERNAL_HOST = "127.0.0.1";

  public ClusterLayout {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    Objects.requireNonNull(clientHost, "clientHost");
    Objects.requireNonNull(internalCredentials, "internalCredentials");
    brokerConfig = Collections.unmodifiableSortedMap(new TreeMap<>(brokerConfig));
    nodes = nodes.stream().sorted(Comparator.comparingInt(NodeLayout::nodeId)).toList();
    var ids = new HashSet<Integer>();
    for (NodeLayout node : nodes) {
      if (!ids.add(node.nodeId())) {
        throw new IllegalArgumentException(
            "cluster " + clusterId + " has node " + node.nodeId() + " twice");
      }
    }
  }

  /**
   * The tenant bootstrap servers: {@code clientHost:clientPort} of each broker, comma-separated;
   * empty when the cluster has no tenant listener.
   */
  public String bootstrap() {
    return nodes.stream()
        .filter(node -> node.runsBroker() && node.clientPort() > 0)
        .map(node -> clientHost + ":" + node.clientPort())
        .collect(Collectors.joining(","));
  }

  /** The internal listener's bootstrap servers: {@code 127.0.0.1:internalPort} of each broker. */
  public String internalBootstrap() {
    return brokers().stream()
        .map(node -> INTERNAL_HOST + ":" + node.internalPort())
        .collect(Collectors.joining(","));
  }

  /** The static quorum, as {@code controller.quorum.voters} wants it: {@code id@host:port,…}. */
  public String quorumVoters() {
    return controllers().stream()
        .map(node -> node.nodeId() + "@" + INTERNAL_HOST + ":" + node.controllerPort())
        .collect(Collectors.joining(","));
  }

  /** The node with this id, if the cluster has it. */
  public Optional<NodeLayout> node(int nodeId) {
    return nodes.stream().filter(node -> node.nodeId() == nodeId).findFirst();
  }

  /** The nodes that run a broker. */
  public List<NodeLayout> brokers() {
    return nodes.stream().filter(NodeLayout::runsBroker).toList();
  }

  /** The nodes that are voters of the metadata quorum. */
  public List<NodeLayout> controllers() {
    return nodes.stream().filter(NodeLayout::runsController).toList();
  }

  /** The id a new node gets: one more than the highest id in use. */
  public int nextNodeId() {
    return nodes.stream().mapToInt(NodeLayout::nodeId).max().orElse(-1) + 1;
  }

  /** This layout with one more node. */
  public ClusterLayout withNode(NodeLayout node) {
    var more = new ArrayList<>(nodes);
    more.add(node);
    return withNodes(more);
  }

  /** This layout without the node with this id. */
  public ClusterLayout withoutNode(int nodeId) {
    return withNodes(nodes.stream().filter(node -> node.nodeId() != nodeId).toList());
  }

  private ClusterLayout withNodes(List<NodeLayout> newNodes) {
    return new ClusterLayout(
        clusterId,
        kafkaClusterId,
        kafkaVersion,
        clientHost,
        tenantListener,
        internalCredentials,
        brokerConfig,
        newNodes);
  }
}
