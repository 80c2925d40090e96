package io.stratus.controlplane.command;

import io.stratus.api.DesiredCluster;

/** The refusals shared by commands that act on one existing cluster. Stateless. */
final class ClusterLookups {

  private ClusterLookups() {}

  static Rejection unknown(String clusterId) {
    return Rejection.notFound("there is no cluster with id '" + clusterId + "'");
  }

  static Rejection deleting(DesiredCluster cluster, String action) {
    return Rejection.conflict(
        "cluster "
            + cluster.id()
            + " is being deleted; it is not possible to "
            + action
            + " any more");
  }
}
