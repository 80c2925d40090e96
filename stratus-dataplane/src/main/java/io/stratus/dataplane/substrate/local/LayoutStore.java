package io.stratus.dataplane.substrate.local;

import io.stratus.api.StratusJson;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps each cluster's {@link ClusterLayout} as {@code <root>/<clusterId>/cluster.json}, written
 * atomically and readable by its owner only (it holds the internal password). A cluster exists
 * exactly when its {@code cluster.json} does. Thread-safe for different clusters.
 */
final class LayoutStore {

  private final Path root;

  LayoutStore(Path root) {
    this.root = root;
  }

  ClusterPaths paths(String clusterId) {
    return ClusterPaths.of(root, clusterId);
  }

  Optional<ClusterLayout> read(String clusterId) {
    Path file = paths(clusterId).layoutFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StratusJson.mapper().readValue(file.toFile(), ClusterLayout.class));
    } catch (IOException e) {
      throw new SubstrateException(
          "cannot read the layout of cluster "
              + clusterId
              + " from "
              + file
              + ": "
              + e.getMessage()
              + ". Restore the file, or delete the cluster's directory to forget it.",
          e);
    }
  }

  void write(ClusterLayout layout) {
    try {
      String json =
          StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(layout);
      FileOperations.writeAtomically(paths(layout.clusterId()).layoutFile(), json, true);
    } catch (IOException e) {
      throw new SubstrateException("cannot serialize the layout of " + layout.clusterId(), e);
    }
  }

  /** The ids of the clusters that have a layout. */
  Set<String> clusterIds() {
    if (!Files.isDirectory(root)) {
      return Set.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      var ids = new TreeSet<String>();
      dirs.filter(dir -> Files.exists(dir.resolve("cluster.json")))
          .forEach(dir -> ids.add(dir.getFileName().toString()));
      return Collections.unmodifiableSet(ids);
    } catch (IOException e) {
      throw new SubstrateException("cannot list clusters in " + root + ": " + e, e);
    }
  }
}
