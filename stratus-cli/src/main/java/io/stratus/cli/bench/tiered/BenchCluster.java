package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.controlplane.ControlPlaneSettings;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one-broker Kafka cluster under test, run by the data plane's {@link LocalSubstrate} with
 * tiered storage on a directory object store, reached through its internal listener as the
 * superuser (there is no tenant listener). Thread-safe: the bench thread and a shutdown hook may
 * both stop it; stopping twice does nothing.
 */
final class BenchCluster {

  static final String CLUSTER_ID = "bench-tiered";
  static final int NODE_ID = 0;

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path root;
  private final LocalSubstrate substrate;
  private boolean stopped;

  private BenchCluster(Path root, LocalSubstrate substrate) {
    this.root = root;
    this.substrate = substrate;
  }

  /**
   * A substrate under {@code root} for the cluster, which is not provisioned yet.
   *
   * @param kafkaHome the Kafka runtimes ({@code <version>/libs})
   * @param pluginsHome the tiered-storage broker plugin's jars
   * @param objectStore the directory the broker tiers segments to
   * @param encryptionKeyFile the master key, when segments are encrypted
   * @throws StratusCliException when the substrate refuses (the plugin is not installed)
   */
  static BenchCluster create(
      Path root,
      Path kafkaHome,
      Path pluginsHome,
      Path objectStore,
      Optional<Path> encryptionKeyFile) {
    try {
      return new BenchCluster(
          root,
          new LocalSubstrate(
              root,
              LocalSubstrateOptions.defaults(kafkaHome)
                  .withTieredStorage(
                      new TieredStorageSettings(
                          pluginsHome,
                          ObjectStoreLocation.parse("file:" + objectStore),
                          encryptionKeyFile,
                          TieredStorageSettings.DEFAULT_CACHE_BYTES_PER_NODE))));
    } catch (SubstrateException e) {
      throw new StratusCliException("cannot run the cluster under test: " + e.getMessage());
    }
  }

  /**
   * Provisions the cluster and starts its broker; returns without waiting for it to answer.
   *
   * @param brokerOverrides broker settings on top of the platform's defaults
   * @throws StratusCliException when the substrate refuses (Kafka missing, a setting it owns)
   */
  void provisionAndStart(Map<String, String> brokerOverrides) {
    try {
      substrate.provision(
          new ClusterPlan(
              CLUSTER_ID, 1, ControlPlaneSettings.DEFAULT_KAFKA_VERSION, brokerOverrides, false));
      substrate.start(CLUSTER_ID, NODE_ID);
    } catch (SubstrateException e) {
      throw new StratusCliException("cannot start the cluster under test: " + e.getMessage());
    }
  }

  /** Client settings for the internal listener, as the superuser. */
  Map<String, Object> clientConfig() {
    return substrate.adminConfig(CLUSTER_ID);
  }

  /** Whether the broker process is running. */
  boolean brokerAlive() {
    return substrate.processes(CLUSTER_ID).stream()
        .filter(node -> node.nodeId() == NODE_ID)
        .anyMatch(NodeProcess::alive);
  }

  /** The broker's process id, if it is running. */
  OptionalLong brokerPid() {
    return substrate.processes(CLUSTER_ID).stream()
        .filter(node -> node.nodeId() == NODE_ID)
        .map(NodeProcess::pid)
        .filter(OptionalLong::isPresent)
        .findFirst()
        .orElse(OptionalLong.empty());
  }

  /** The broker's directory of one partition's log segments. */
  Path partitionDirectory(String topic, int partition) {
    return nodeDirectory().resolve("data").resolve(topic + "-" + partition);
  }

  /** The broker's log, for a look after a failure. */
  Path brokerLog() {
    return nodeDirectory().resolve("logs").resolve("server.log");
  }

  /**
   * Stops the broker; with {@code keepFiles} false also deletes the cluster's directory. Only the
   * first call does anything.
   */
  synchronized void stop(boolean keepFiles) {
    if (stopped) {
      return;
    }
    stopped = true;
    if (keepFiles) {
      substrate.stopAll(STOP_GRACE);
    } else {
      substrate.delete(CLUSTER_ID);
    }
    substrate.close();
  }

  private Path nodeDirectory() {
    // As LocalSubstrate lays a cluster out: <root>/<clusterId>/nodes/<nodeId>/.
    return root.resolve(CLUSTER_ID).resolve("nodes").resolve(Integer.toString(NODE_ID));
  }
}
