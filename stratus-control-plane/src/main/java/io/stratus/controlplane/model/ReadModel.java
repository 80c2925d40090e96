package io.stratus.controlplane.model;

import io.stratus.api.BalanceStatus;
import io.stratus.api.Cluster;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable image of everything the control plane knows, built by replaying the state log:
 * desired clusters, what agents reported about them and their balancers, the latest balance request
 * of each cluster, API keys and registered agents. A new image is made from an old one through a
 * {@link ReadModelDelta}; images are never changed, so any thread may read one without locks. Every
 * answer the REST API gives comes from an image.
 */
public final class ReadModel {

  /** The image of an empty log. */
  public static final ReadModel EMPTY =
      new ReadModel(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  private static final Comparator<DesiredCluster> OLDEST_FIRST =
      Comparator.comparing(DesiredCluster::createdAt).thenComparing(DesiredCluster::id);

  private final Map<String, DesiredCluster> clusters;
  private final Map<String, AgentReport> reports;
  private final Map<String, PlatformKey> platformKeys;
  private final Map<String, TenantKey> tenantKeys;
  private final Map<String, RegisteredAgent> agents;
  private final Map<String, BalanceStatus> balances;
  private final Map<String, DesiredEvent.BalanceRequested> balanceRequests;

  ReadModel(
      Map<String, DesiredCluster> clusters,
      Map<String, AgentReport> reports,
      Map<String, PlatformKey> platformKeys,
      Map<String, TenantKey> tenantKeys,
      Map<String, RegisteredAgent> agents,
      Map<String, BalanceStatus> balances,
      Map<String, DesiredEvent.BalanceRequested> balanceRequests) {
    this.clusters = Map.copyOf(clusters);
    this.reports = Map.copyOf(reports);
    this.platformKeys = Map.copyOf(platformKeys);
    this.tenantKeys = Map.copyOf(tenantKeys);
    this.agents = Map.copyOf(agents);
    this.balances = Map.copyOf(balances);
    this.balanceRequests = Map.copyOf(balanceRequests);
  }

  /** A delta that starts from this image. */
  public ReadModelDelta delta() {
    return new ReadModelDelta(
        clusters, reports, platformKeys, tenantKeys, agents, balances, balanceRequests);
  }

  /** This image with the desired-state records replayed onto it, in order. */
  public ReadModel replayDesired(List<DesiredRecord> records) {
    ReadModelDelta delta = delta();
    records.forEach(delta::replay);
    return delta.apply();
  }

  /** This image with the status records replayed onto it, in order. */
  public ReadModel replayStatus(List<StatusRecord> records) {
    ReadModelDelta delta = delta();
    records.forEach(delta::replay);
    return delta.apply();
  }

  /** The cluster with this id as the API shows it, unless there is none. */
  public Optional<Cluster> cluster(String id) {
    return desiredCluster(id).map(this::view);
  }

  /** Every cluster as the API shows it, oldest first. */
  public List<Cluster> clusters() {
    return clusters.values().stream().sorted(OLDEST_FIRST).map(this::view).toList();
  }

  /** The cluster as the API shows it. */
  public Cluster view(DesiredCluster desired) {
    return ClusterViews.of(desired, report(desired.id()));
  }

  /** The desired state of the cluster with this id, unless there is none. */
  public Optional<DesiredCluster> desiredCluster(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  /** The desired state of every cluster, including those being deleted. */
  public Collection<DesiredCluster> desiredClusters() {
    return clusters.values();
  }

  /** The cluster with this name, including one being deleted, unless there is none. */
  public Optional<DesiredCluster> clusterNamed(String name) {
    return clusters.values().stream().filter(c -> c.spec().name().equals(name)).findFirst();
  }

  /** What the status topic last said about this cluster, unless it said nothing. */
  public Optional<AgentReport> report(String clusterId) {
    return Optional.ofNullable(reports.get(clusterId));
  }

  /**
   * What the cluster's balancer last reported, unless it reported nothing yet. Reports about
   * clusters that are not desired are not kept.
   */
  public Optional<BalanceStatus> balance(String clusterId) {
    return Optional.ofNullable(balances.get(clusterId));
  }

  /** The latest balance request of the cluster, unless there was none since it was created. */
  public Optional<DesiredEvent.BalanceRequested> balanceRequest(String clusterId) {
    return Optional.ofNullable(balanceRequests.get(clusterId));
  }

  /** The REST API key with this id, unless there is none. */
  public Optional<PlatformKey> platformKey(String keyId) {
    return Optional.ofNullable(platformKeys.get(keyId));
  }

  /** Whether any REST API key was issued. */
  public boolean hasPlatformKeys() {
    return !platformKeys.isEmpty();
  }

  /** The Kafka client credential with this key, unless there is none. */
  public Optional<TenantKey> tenantKey(String key) {
    return Optional.ofNullable(tenantKeys.get(key));
  }

  /** The Kafka client credentials of one cluster, ordered by key. */
  public List<TenantKey> tenantKeysOf(String clusterId) {
    return tenantKeys.values().stream()
        .filter(k -> k.clusterId().equals(clusterId))
        .sorted(Comparator.comparing(TenantKey::key))
        .toList();
  }

  /** The agent with this id, unless it never registered. */
  public Optional<RegisteredAgent> agent(String agentId) {
    return Optional.ofNullable(agents.get(agentId));
  }

  /** The agent that registered most recently, unless none has. */
  public Optional<RegisteredAgent> latestAgent() {
    return agents.values().stream()
        .max(
            Comparator.comparing(RegisteredAgent::registeredAt)
                .thenComparing(RegisteredAgent::agentId));
  }

  @Override
  public String toString() {
    return "ReadModel[clusters="
        + clusters.size()
        + ", reports="
        + reports.size()
        + ", platformKeys="
        + platformKeys.size()
        + ", tenantKeys="
        + tenantKeys.size()
        + ", agents="
        + agents.size()
        + ", balances="
        + balances.size()
        + ", balanceRequests="
        + balanceRequests.size()
        + "]";
  }
}
