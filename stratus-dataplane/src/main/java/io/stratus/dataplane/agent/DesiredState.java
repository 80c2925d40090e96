package io.stratus.dataplane.agent;

import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's immutable image of the desired-state topic: clusters and the tenant keys issued for
 * them. {@link #apply} returns the next image. Thread-safe (immutable).
 *
 * @param clusters desired clusters by id
 * @param keys tenant keys by key
 * @param caughtUp whether the image has read the topic up to where it ended when the agent started;
 *     before that a cluster's absence means nothing
 */
public record DesiredState(
    Map<String, DesiredCluster> clusters,
    Map<String, DesiredEvent.TenantKeyIssued> keys,
    boolean caughtUp) {

  public DesiredState {
    clusters = Map.copyOf(clusters);
    keys = Map.copyOf(keys);
  }

  /** The image before anything has been read. */
  public static DesiredState empty() {
    return new DesiredState(Map.of(), Map.of(), false);
  }

  /** The next image after one record of the topic; a null event is a tombstone. */
  public DesiredState apply(String recordKey, DesiredEvent event) {
    Map<String, DesiredCluster> nextClusters = new HashMap<>(clusters);
    Map<String, DesiredEvent.TenantKeyIssued> nextKeys = new HashMap<>(keys);
    if (event instanceof DesiredEvent.ClusterChanged changed) {
      nextClusters.put(changed.cluster().id(), changed.cluster());
    } else if (event instanceof DesiredEvent.TenantKeyIssued issued) {
      nextKeys.put(issued.key(), issued);
    } else if (event == null && recordKey.startsWith("cluster/")) {
      nextClusters.remove(recordKey.substring("cluster/".length()));
    } else if (event == null && recordKey.startsWith("tenant-key/")) {
      nextKeys.remove(recordKey.substring("tenant-key/".length()));
    }
    return new DesiredState(nextClusters, nextKeys, caughtUp);
  }

  /** This image, marked as caught up. */
  public DesiredState markCaughtUp() {
    return new DesiredState(clusters, keys, true);
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
}
