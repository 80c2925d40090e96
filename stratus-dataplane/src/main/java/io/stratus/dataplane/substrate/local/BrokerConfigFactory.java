package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.InternalCredentials;
import io.stratus.dataplane.substrate.LoadReporterSettings;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides each node's {@code server.properties}: the cluster-wide defaults, the user's overrides,
 * and the settings the platform owns (roles, quorum, listeners, security, storage). Pure and
 * thread-safe.
 *
 * <p>Listeners: {@code CLIENT} (tenants, SASL/SCRAM-SHA-512, on the client host, only with a tenant
 * listener), {@code INTERNAL} (replication and the platform's admin client, SASL/PLAIN on
 * 127.0.0.1) and {@code CONTROLLER} (the KRaft quorum, SASL/PLAIN on 127.0.0.1). ACLs are enforced
 * by KRaft's {@code StandardAuthorizer}; only the internal user is a superuser.
 */
final class BrokerConfigFactory {

  /** Sized for brokers with 128 to 512 MiB of heap. */
  static final long CLEANER_DEDUPE_BUFFER_BYTES = 32L * 1024 * 1024;

  /** Where, next to its data directory, a node caches chunks of tiered segments. */
  static final String REMOTE_CACHE_DIR = "remote-cache";

  static final String CLIENT_LISTENER = "CLIENT";
  static final String INTERNAL_LISTENER = "INTERNAL";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final Set<String> RESERVED_KEYS =
      Set.of(
          "node.id",
          "broker.id",
          "process.roles",
          "listeners",
          "advertised.listeners",
          "inter.broker.listener.name",
          "controller.listener.names",
          "early.start.listeners",
          "log.dirs",
          "log.dir",
          "metadata.log.dir",
          "authorizer.class.name",
          "super.users",
          "allow.everyone.if.no.acl.found",
          "principal.builder.class",
          "metric.reporters");
  private static final List<String> RESERVED_PREFIXES =
      List.of(
          "listener.",
          "sasl.",
          "ssl.",
          "security.",
          "controller.quorum.",
          "remote.log.",
          "rsm.config.",
          "rlmm.config.",
          "stratus.load.reporter.");

  private BrokerConfigFactory() {}

  /**
   * The cluster-wide broker configuration: defaults that suit a cluster of {@code brokers} brokers
   * on a laptop, then {@code overrides}. Fixed at provision time; brokers added later get the same.
   *
   * @throws SubstrateException if an override sets a key the platform owns
   */
  static Map<String, String> clusterConfig(int brokers, Map<String, String> overrides) {
    List<String> reserved = new ArrayList<>();
    overrides.keySet().stream()
        .filter(BrokerConfigFactory::isReserved)
        .sorted()
        .forEach(reserved::add);
    if (!reserved.isEmpty()) {
      throw new SubstrateException(
          "configuration keys "
              + reserved
              + " are managed by the platform and cannot be overridden; remove them. Reserved: "
              + RESERVED_KEYS.stream().sorted().toList()
              + " and keys starting with "
              + RESERVED_PREFIXES);
    }
    int replication = Math.min(3, brokers);
    int minInSync = Math.min(2, brokers);
    var config = new TreeMap<String, String>();
    config.put("default.replication.factor", Integer.toString(replication));
    config.put("min.insync.replicas", Integer.toString(minInSync));
    config.put("offsets.topic.replication.factor", Integer.toString(replication));
    config.put("transaction.state.log.replication.factor", Integer.toString(replication));
    config.put("transaction.state.log.min.isr", Integer.toString(minInSync));
    config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
    config.put("share.coordinator.state.topic.min.isr", Integer.toString(minInSync));
    config.put("num.partitions", "3");
    config.put("auto.create.topics.enable", "true");
    // Small thread pools and internal topics: many clusters share one laptop.
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "4");
    config.put("num.replica.fetchers", "1");
    config.put("num.recovery.threads.per.data.dir", "1");
    config.put("background.threads", "4");
    config.put("log.cleaner.threads", "1");
    config.put("offsets.topic.num.partitions", "12");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.putAll(overrides);
    return config;
  }

  /** Whether the platform owns this key, so that users may not override it. */
  static boolean isReserved(String key) {
    return RESERVED_KEYS.contains(key) || RESERVED_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /**
   * The complete configuration of one node: the settings the platform owns, then the cluster's
   * configuration. Ordered for a reader.
   */
  static Map<String, String> nodeConfig(ClusterLayout layout, NodeLayout node, Path dataDir) {
    return nodeConfig(layout, node, dataDir, Optional.empty());
  }

  /**
   * The complete configuration of one node, tiering closed segments to object storage when {@code
   * tieredStorage} is present: the plugin's settings are the platform's, the hot-set defaults are
   * the cluster's unless it set its own. A node caches chunks it reads back in {@code remote-cache}
   * next to its data directory.
   */
  static Map<String, String> nodeConfig(
      ClusterLayout layout,
      NodeLayout node,
      Path dataDir,
      Optional<TieredStorageSettings> tieredStorage) {
    return nodeConfig(layout, node, dataDir, tieredStorage, Optional.empty());
  }

  /**
   * The complete configuration of one node, tiering when {@code tieredStorage} is present and
   * reporting partition load to the balancer when {@code loadReporter} is present (brokers only;
   * the reporter's settings are the platform's).
   */
  static Map<String, String> nodeConfig(
      ClusterLayout layout,
      NodeLayout node,
      Path dataDir,
      Optional<TieredStorageSettings> tieredStorage,
      Optional<LoadReporterSettings> loadReporter) {
    var config = new LinkedHashMap<String, String>();
    config.put("node.id", Integer.toString(node.nodeId()));
    config.put("process.roles", processRoles(node));
    config.put("controller.quorum.voters", layout.quorumVoters());
    config.put("controller.listener.names", CONTROLLER_LISTENER);
    config.put("listeners", listeners(layout, node));
    if (node.runsBroker()) {
      config.put("advertised.listeners", advertisedListeners(layout, node));
      config.put("inter.broker.listener.name", INTERNAL_LISTENER);
    }
    config.put("listener.security.protocol.map", securityProtocolMap(layout));
    putSecurity(config, layout);
    config.put("log.dirs", dataDir.toString());
    // The log cleaner allocates its whole dedupe buffer (128 MiB by default) when it starts; with
    // a laptop-sized heap that can exhaust the heap during start-up and kill the node. 32 MiB still
    // deduplicates about 1.3 million keys per cleaning pass.
    config.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
    layout.config().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> config.putIfAbsent(entry.getKey(), entry.getValue()));
    if (tieredStorage.isPresent() && node.runsBroker()) {
      config.putAll(
          tieredStorage.get().brokerSettings(layout, dataDir.resolveSibling(REMOTE_CACHE_DIR)));
      new java.util.TreeMap<>(TieredStorageSettings.clusterDefaults()).forEach(config::putIfAbsent);
    }
    if (loadReporter.isPresent() && node.runsBroker()) {
      config.putAll(loadReporter.get().brokerSettings(layout));
    }
    return config;
  }

  private static void putSecurity(Map<String, String> config, ClusterLayout layout) {
    String plainJaas = plainJaas(layout.internalCredentials());
    config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    config.put("sasl.mechanism.controller.protocol", "PLAIN");
    if (layout.tenantListener()) {
      config.put("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512");
      config.put(
          "listener.name.client.scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }
    config.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
    config.put("listener.name.internal.plain.sasl.jaas.config", plainJaas);
    config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    config.put("listener.name.controller.plain.sasl.jaas.config", plainJaas);
    config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    config.put("super.users", "User:" + layout.internalCredentials().username());
    config.put("allow.everyone.if.no.acl.found", "false");
  }

  /**
   * The PLAIN login of the internal user: {@code username}/{@code password} are what this node
   * sends when it connects to others; {@code user_<name>} is the one account it accepts.
   */
  static String plainJaas(InternalCredentials credentials) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required"
        + (" username=\"" + credentials.username() + "\"")
        + (" password=\"" + credentials.password() + "\"")
        + (" user_" + credentials.username() + "=\"" + credentials.password() + "\";");
  }

  private static String processRoles(NodeLayout node) {
    if (node.runsBroker() && node.runsController()) {
      return "broker,controller";
    }
    return node.runsBroker() ? "broker" : "controller";
  }

  private static String listeners(ClusterLayout layout, NodeLayout node) {
    var listeners = new ArrayList<String>();
    if (node.runsBroker()) {
      if (layout.tenantListener()) {
        listeners.add(CLIENT_LISTENER + "://" + layout.clientHost() + ":" + node.clientPort());
      }
      listeners.add(
          INTERNAL_LISTENER + "://" + ClusterLayout.INTERNAL_HOST + ":" + node.internalPort());
    }
    if (node.runsController()) {
      listeners.add(
          CONTROLLER_LISTENER + "://" + ClusterLayout.INTERNAL_HOST + ":" + node.controllerPort());
    }
    return String.join(",", listeners);
  }

  private static String advertisedListeners(ClusterLayout layout, NodeLayout node) {
    var listeners = new ArrayList<String>();
    if (layout.tenantListener()) {
      listeners.add(CLIENT_LISTENER + "://" + layout.clientHost() + ":" + node.clientPort());
    }
    listeners.add(
        INTERNAL_LISTENER + "://" + ClusterLayout.INTERNAL_HOST + ":" + node.internalPort());
    return String.join(",", listeners);
  }

  private static String securityProtocolMap(ClusterLayout layout) {
    var map = new ArrayList<String>();
    if (layout.tenantListener()) {
      map.add(CLIENT_LISTENER + ":SASL_PLAINTEXT");
    }
    map.add(INTERNAL_LISTENER + ":SASL_PLAINTEXT");
    map.add(CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
    return String.join(",", map);
  }
}
