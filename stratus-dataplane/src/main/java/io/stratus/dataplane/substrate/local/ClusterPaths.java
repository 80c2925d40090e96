package io.stratus.dataplane.substrate.local;

import java.nio.file.Path;

/**
 * Where one cluster's files live: {@code <root>/<clusterId>/cluster.json} and one {@link NodePaths}
 * per node under {@code nodes/}.
 *
 * @param dir the cluster's directory
 */
record ClusterPaths(Path dir) {

  static ClusterPaths of(Path root, String clusterId) {
    return new ClusterPaths(root.resolve(clusterId));
  }

  Path layoutFile() {
    return dir.resolve("cluster.json");
  }

  NodePaths node(int nodeId) {
    return new NodePaths(dir.resolve("nodes").resolve(Integer.toString(nodeId)));
  }
}
