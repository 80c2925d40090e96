package io.stratus.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The desired state of one cluster as the control plane decided it.
 *
 * @param id the cluster id
 * @param spec what the user asked for
 * @param resourceVersion the version of this decision; every accepted change increases it
 * @param deleting whether the user asked for the cluster to be deleted
 * @param createdAt when the cluster was first asked for
 */
public record DesiredCluster(
    String id, ClusterSpec spec, long resourceVersion, boolean deleting, Instant createdAt) {

  public DesiredCluster {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The next version of this cluster with a changed spec. */
  public DesiredCluster withSpec(ClusterSpec next) {
    return new DesiredCluster(id, next, resourceVersion + 1, deleting, createdAt);
  }

  /** The next version of this cluster, marked for deletion. */
  public DesiredCluster markedForDeletion() {
    return new DesiredCluster(id, spec, resourceVersion + 1, true, createdAt);
  }
}
