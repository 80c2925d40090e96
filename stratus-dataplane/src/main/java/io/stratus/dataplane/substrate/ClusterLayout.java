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
 * @param clientHost the host the tenant listener binds to and advertises
 * @param tenantListener whether the nodes have a tenant ({@code CLIENT}) listener
 * @param internalCredentials the platform's superuser on the internal and controller listeners
 * @param kafkaVersion the Apache Kafka version the nodes should run; during an upgrade some still
 *     run the one they started with ({@link NodeLayout#started()})
 * @param brokerConfig the platform's cluster-wide broker defaults, computed at provision time from
 *     the broker count (layouts written before {@link ClusterRevision} existed also hold the user's
 *     overrides here)
 * @param nodes the nodes, ordered by node id
 * @param revision the user's configuration and what changes of it the nodes have yet to restart for
 */
public record ClusterLayout(
    String clusterId,
    String kafkaClusterId,
    String kafkaVersion,
    String clientHost,
    boolean tenantListener,
    InternalCredentials internalCredentials,
    Map<String, String> brokerConfig,
    List<NodeLayout> nodes,
    ClusterRevision revision) {

  /** The address internal and controller listeners bind to; never exposed to tenants. */
  public static final String INTERNAL_HOST = "127.0.0.1";

  public ClusterLayout {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    Objects.requireNonNull(clientHost, "clientHost");
    Objects.requireNonNull(internalCredentials, "internalCredentials");
    brokerConfig = Collections.unmodifiableSortedMap(new TreeMap<>(brokerConfig));
    revision = revision == null ? ClusterRevision.initial(Map.of()) : revision;
    nodes = nodes.stream().sorted(Comparator.comparingInt(NodeLayout::nodeId)).toList();
    var ids = new HashSet<Integer>();
    for (NodeLayout node : nodes) {
      if (!ids.add(node.nodeId())) {
        throw new IllegalArgumentException(
            "cluster " + clusterId + " has node " + node.nodeId() + " twice");
      }
    }
  }

  /** A layout at the first revision, with these overrides. */
  public ClusterLayout(
      String clusterId,
      String kafkaClusterId,
      String kafkaVersion,
      String clientHost,
      boolean tenantListener,
      InternalCredentials internalCredentials,
      Map<String, String> brokerConfig,
      List<NodeLayout> nodes) {
    this(
        clusterId,
        kafkaClusterId,
        kafkaVersion,
        clientHost,
        tenantListener,
        internalCredentials,
        brokerConfig,
        nodes,
        ClusterRevision.initial(Map.of()));
  }

  /** The broker configuration every node gets: the platform's defaults, then the user's. */
  public Map<String, String> config() {
    var merged = new TreeMap<String, String>(brokerConfig);
    merged.putAll(revision.configOverrides());
    return Collections.unmodifiableSortedMap(merged);
  }

  /**
   * What the node last started with; a node that has not recorded it is taken to run the layout's
   * version at the first generation.
   */
  public NodeRevision revisionOf(NodeLayout node) {
    return node.started().orElse(new NodeRevision(kafkaVersion, 0));
  }

  /** Whether the node started under the current generation, so it runs what it should. */
  public boolean upToDate(NodeLayout node) {
    NodeRevision running = revisionOf(node);
    return running.generation() == revision.generation()
        && running.kafkaVersion().equals(kafkaVersion);
  }

  /** The ids of the nodes due a restart to pick up the current revision, in id order. */
  public List<Integer> dueRestart() {
    return nodes.stream().filter(node -> !upToDate(node)).map(NodeLayout::nodeId).toList();
  }

  /** This layout aiming at another version and revision; the nodes are untouched. */
  public ClusterLayout retargeted(String version, ClusterRevision next) {
    return new ClusterLayout(
        clusterId,
        kafkaClusterId,
        version,
        clientHost,
        tenantListener,
        internalCredentials,
        brokerConfig,
        nodes,
        next);
  }

  /** This layout with the node recorded as started with the current version and generation. */
  public ClusterLayout withStarted(int nodeId) {
    NodeRevision now = new NodeRevision(kafkaVersion, revision.generation());
    return withNodes(
        nodes.stream()
            .map(node -> node.nodeId() == nodeId ? node.startedWith(now) : node)
            .toList());
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
        newNodes,
        revision);
  }
}
