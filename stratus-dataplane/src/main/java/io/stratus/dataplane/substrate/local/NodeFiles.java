package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.LoadReporterSettings;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import java.util.Optional;

/**
 * Writes a node's configuration files from the cluster's layout: {@code server.properties}
 * (owner-only, it holds the internal password) and {@code log4j2.properties}. The layout is the
 * source of truth; the files are regenerated from it. Thread-safe for different nodes.
 */
final class NodeFiles {

  private NodeFiles() {}

  static void write(
      ClusterLayout layout,
      NodeLayout node,
      NodePaths paths,
      Optional<TieredStorageSettings> tieredStorage,
      Optional<LoadReporterSettings> loadReporter) {
    String header =
        "Node "
            + node.nodeId()
            + " of cluster "
            + layout.clusterId()
            + ", written by Stratus from cluster.json.\n"
            + "Edits are overwritten when the node starts.";
    FileOperations.writeAtomically(
        paths.serverProperties(),
        PropertiesText.render(
            header,
            BrokerConfigFactory.nodeConfig(
                layout, node, paths.dataDir(), tieredStorage, loadReporter)),
        true);
    FileOperations.writeAtomically(
        paths.loggingConfig(),
        PropertiesText.render(header, BrokerLoggingConfig.settings(paths.logsDir())),
        false);
  }
}
