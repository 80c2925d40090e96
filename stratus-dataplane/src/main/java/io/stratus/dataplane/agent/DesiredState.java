package io.stratus.dataplane.agent;

import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's immutable image of the desired-state topic: clusters, the tenant keys issued for
 * them, and each cluster's latest balance request. {@link #apply} returns the next image.
 * Thread-safe (immutable).
 *
 * @param clusters desired clusters by id
 * @param keys tenant keys by key
 * @param balanceRequests the latest balance request of each cluster, by cluster id
 * @param caughtUp whether the image has read the topic up to where it ended when the agent started;
 *     before that a cluster's absence means nothing
 */
public record DesiredState(
    Map<String, DesiredCluster> clusters,
    Map<String, DesiredEvent.TenantKeyIssued> keys,
    Map<String, DesiredEvent.BalanceRequested> balanceRequests,
    boolean caughtUp) {

  private static final String CLUSTER_PREFIX = DesiredEvent.clusterKey("");
  private static final String TENANT_KEY_PREFIX = DesiredEvent.tenantKeyKey("");
  private static final String BALANCE_REQUEST_PREFIX = DesiredEvent.balanceRequestKey("");

  public DesiredState {
    clusters = Map.copyOf(clusters);
    keys = Map.copyOf(keys);
    balanceRequests = Map.copyOf(balanceRequests);
  }

  /** The image before anything has been read. */
  public static DesiredState empty() {
    return new DesiredState(Map.of(), Map.of(), Map.of(), false);
  }

  /**
   * The next image after one record of the topic; a null event is a tombstone. A cluster's
   * tombstone takes its balance request with it.
   */
  public DesiredState apply(String recordKey, DesiredEvent event) {
    Map<String, DesiredCluster> nextClusters = new HashMap<>(clusters);
    Map<String, DesiredEvent.TenantKeyIssued> nextKeys = new HashMap<>(keys);
    Map<String, DesiredEvent.BalanceRequested> nextRequests = new HashMap<>(balanceRequests);
    if (event instanceof DesiredEvent.ClusterChanged changed) {
      nextClusters.put(changed.cluster().id(), changed.cluster());
    } else if (event instanceof DesiredEvent.TenantKeyIssued issued) {
      nextKeys.put(issued.key(), issued);
    } else if (event instanceof DesiredEvent.BalanceRequested requested) {
      nextRequests.put(requested.clusterId(), requested);
    } else if (event == null && recordKey.startsWith(CLUSTER_PREFIX)) {
      String clusterId = recordKey.substring(CLUSTER_PREFIX.length());
      nextClusters.remove(clusterId);
      nextRequests.remove(clusterId);
    } else if (event == null && recordKey.startsWith(TENANT_KEY_PREFIX)) {
      nextKeys.remove(recordKey.substring(TENANT_KEY_PREFIX.length()));
    } else if (event == null && recordKey.startsWith(BALANCE_REQUEST_PREFIX)) {
      nextRequests.remove(recordKey.substring(BALANCE_REQUEST_PREFIX.length()));
    }
    return new DesiredState(nextClusters, nextKeys, nextRequests, caughtUp);
  }

  /** This image, marked as caught up. */
  public DesiredState markCaughtUp() {
    return new DesiredState(clusters, keys, balanceRequests, true);
  }

  /** The cluster with this id, if it is desired. */
  public Optional<DesiredCluster> cluster(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  /** The tenant keys issued for a cluster. */
  public Set<DesiredEvent.TenantKeyIssued> keysOf(String clusterId) {
    return keys.values().stream()
        .filter(k -> k.clusterId().equals(clusterId))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The latest balance request of a cluster, if one was made since the cluster was created. The
   * balancer acts on it unless its {@code requestId} is the one it last handled.
   */
  public Optional<DesiredEvent.BalanceRequested> balanceRequest(String clusterId) {
    return Optional.ofNullable(balanceRequests.get(clusterId));
  }
}
