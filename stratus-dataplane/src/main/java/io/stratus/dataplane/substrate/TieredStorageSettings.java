package io.stratus.dataplane.substrate;

import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a substrate's clusters tier closed log segments to object storage: where the broker plugin is
 * installed, which object store holds the segments, and the master key that encrypts them. Every
 * cluster of the substrate shares the store; each keeps its segments under {@link
 * #keyPrefix(String)}.
 *
 * @param pluginDirectory the directory of the broker plugin's jars ({@code
 *     stratus-broker-plugins/target/plugin}), loaded by brokers through a child-first class loader
 * @param location where segments are stored
 * @param encryptionKeyFile the master key file; present means segments are encrypted
 * @param cacheBytesPerNode the bound of each node's on-disk cache of segment chunks read back
 */
public record TieredStorageSettings(
    Path pluginDirectory,
    ObjectStoreLocation location,
    Optional<Path> encryptionKeyFile,
    long cacheBytesPerNode) {

  /** The plugin's RemoteStorageManager, as brokers load it. */
  public static final String STORAGE_MANAGER_CLASS =
      "io.stratus.plugins.tiered.StratusRemoteStorageManager";

  public static final long DEFAULT_CACHE_BYTES_PER_NODE = 256L * 1024 * 1024;

  /** Hot set kept on brokers' disks by default; tenants may change both, per cluster or topic. */
  public static final long DEFAULT_LOCAL_RETENTION_MS = 60L * 60 * 1000;

  public static final long DEFAULT_LOCAL_RETENTION_BYTES = 1024L * 1024 * 1024;

  /** Smaller than Kafka's 1 GiB, so that segments close, and tier, while still recent. */
  public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;

  public TieredStorageSettings {
    Objects.requireNonNull(pluginDirectory, "pluginDirectory");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(encryptionKeyFile, "encryptionKeyFile");
    if (cacheBytesPerNode <= 0) {
      throw new IllegalArgumentException(
          "chunk cache size must be positive, was " + cacheBytesPerNode);
    }
  }

  /** The object key prefix of one cluster's segments. */
  public static String keyPrefix(String clusterId) {
    return "clusters/" + clusterId;
  }

  /**
   * Fails unless the plugin's jar is in {@link #pluginDirectory()}: a broker without it would not
   * start, with a class-loading error deep in its log.
   */
  public void requirePluginInstalled() {
    try (var files = Files.list(pluginDirectory)) {
      if (files.anyMatch(f -> f.getFileName().toString().startsWith("stratus-broker-plugins"))) {
        return;
      }
    } catch (java.io.IOException e) {
      // reported below
    }
    throw new SubstrateException(
        "the tiered-storage broker plugin is not installed in "
            + pluginDirectory
            + "; build it with 'mvn -DskipTests install' (stratus-broker-plugins/target/plugin)");
  }

  /**
   * The broker settings that turn tiering on for one node, all owned by the platform.
   *
   * @param layout the node's cluster
   * @param cacheDirectory where the node caches chunks read back from the store
   */
  public Map<String, String> brokerSettings(ClusterLayout layout, Path cacheDirectory) {
    var config = new LinkedHashMap<String, String>();
    config.put("remote.log.storage.system.enable", "true");
    config.put("remote.log.storage.manager.class.name", STORAGE_MANAGER_CLASS);
    config.put("remote.log.storage.manager.class.path", pluginDirectory.resolve("*").toString());
    config.put("rsm.config.object.store", location.asString());
    config.put("rsm.config.key.prefix", keyPrefix(layout.clusterId()));
    encryptionKeyFile.ifPresent(
        key -> config.put("rsm.config.encryption.key.file", key.toAbsolutePath().toString()));
    config.put("rsm.config.cache.dir", cacheDirectory.toAbsolutePath().toString());
    config.put("rsm.config.cache.size.bytes", Long.toString(cacheBytesPerNode));
    // Kafka's own topic-based metadata manager, over the internal listener. Kafka fills in the
    // listener's address and security protocol; the SASL login is ours to give.
    config.put("remote.log.metadata.manager.listener.name", "INTERNAL");
    config.put("rlmm.config.remote.log.metadata.common.client.sasl.mechanism", "PLAIN");
    config.put(
        "rlmm.config.remote.log.metadata.common.client.sasl.jaas.config",
        layout.internalCredentials().clientJaas());
    config.put(
        "rlmm.config.remote.log.metadata.topic.replication.factor",
        layout.config().getOrDefault("default.replication.factor", "1"));
    config.put("rlmm.config.remote.log.metadata.topic.num.partitions", "10");
    // Look for closed segments to copy every 10 s rather than 30 s, and delete local segments
    // that are tiered and past the hot set every 30 s rather than 5 min, so that a burst of
    // writes leaves the broker's disk soon after it reaches the object store.
    config.put("remote.log.manager.task.interval.ms", "10000");
    config.put("log.retention.check.interval.ms", "30000");
    return config;
  }

  /** Cluster-wide defaults that come with tiering; tenants may override each. */
  public static Map<String, String> clusterDefaults() {
    return Map.of(
        "log.local.retention.ms", Long.toString(DEFAULT_LOCAL_RETENTION_MS),
        "log.local.retention.bytes", Long.toString(DEFAULT_LOCAL_RETENTION_BYTES),
        "log.segment.bytes", Long.toString(DEFAULT_SEGMENT_BYTES));
  }
}
