package io.stratus.dataplane.substrate.local;

import io.stratus.api.Identifiers;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.ClusterRevision;
import io.stratus.dataplane.substrate.LoadReporterSettings;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.Substrate;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Apache Kafka KRaft nodes as separate JVM processes on this machine, each from the jars of
 * its cluster's Kafka version, never from the platform's classpath.
 *
 * <p>Everything lives under the root directory: {@code <root>/<clusterId>/cluster.json} (the
 * layout) and, per node, {@code nodes/<nodeId>/} with {@code server.properties} (owner-only, it
 * holds the internal password), {@code log4j2.properties}, {@code data/}, {@code logs/server.log},
 * {@code logs/stdout.log} and {@code node.pid}. A new instance on the same root adopts the
 * processes an earlier one left running: a pid counts as the node's only while it is alive and its
 * command line names the node's {@code server.properties}.
 *
 * <p>Thread-safe: operations are serialized on this instance, so a reconcile thread and a shutdown
 * hook calling {@link #stopAll} may share it. Operations that wait (provisioning, stopping) hold
 * the lock while they wait.
 */
public final class LocalSubstrate implements Substrate {

  private static final Logger log = LoggerFactory.getLogger(LocalSubstrate.class);
  private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

  private final Path root;
  private final LocalSubstrateOptions options;
  private final KafkaInstallation kafka;
  private final LayoutStore store;
  private final LayoutPlanner planner;
  private final PortAllocator ports;
  private final StorageFormatter formatter;
  private final NodeProcessLauncher launcher;
  private final NodeProcessTracker tracker = new NodeProcessTracker();

  /**
   * A substrate keeping its clusters under {@code root}.
   *
   * @param root the directory for all clusters of this substrate, e.g. {@code <data-dir>/clusters};
   *     created on first use
   * @param options how brokers are run
   */
  public LocalSubstrate(Path root, LocalSubstrateOptions options) {
    this(root, options, new SecureRandom(), Uuid::randomUuid, PortAllocator.system());
  }

  LocalSubstrate(
      Path root,
      LocalSubstrateOptions options,
      RandomGenerator secrets,
      Supplier<Uuid> kafkaClusterIds,
      PortAllocator ports) {
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
    this.kafka = new KafkaInstallation(options.kafkaHome());
    this.store = new LayoutStore(this.root);
    this.planner = new LayoutPlanner(secrets, kafkaClusterIds);
    this.ports = ports;
    this.formatter = new StorageFormatter(options.javaExecutable(), FORMAT_TIMEOUT);
    this.launcher =
        new NodeProcessLauncher(
            options.javaExecutable(),
            options.brokerHeapMb(),
            NodeProcessLauncher.findSetsid(),
            options.brokerEnvironment());
    options.tieredStorage().ifPresent(TieredStorageSettings::requirePluginInstalled);
    options.loadReporter().ifPresent(LoadReporterSettings::pluginJar);
  }

  @Override
  public synchronized Set<String> clusters() {
    return store.clusterIds();
  }

  @Override
  public synchronized ClusterLayout provision(ClusterPlan plan) {
    requireValidId(plan.clusterId());
    Optional<ClusterLayout> existing = store.read(plan.clusterId());
    if (existing.isPresent()) {
      return existing.get();
    }
    String classpath = kafka.classpath(plan.kafkaVersion());
    ClusterPaths paths = store.paths(plan.clusterId());
    if (Files.exists(paths.dir())) {
      // No cluster.json: an earlier provision stopped half-way and started nothing.
      log.info("[cluster={}] removing the remains of an unfinished provision", plan.clusterId());
      FileOperations.deleteRecursively(paths.dir());
    }
    ClusterLayout layout = planner.plan(plan, options.clientHost(), ports.reserve(portsInUse()));
    for (NodeLayout node : layout.nodes()) {
      prepareNode(layout, node, classpath);
    }
    store.write(layout);
    log.info(
        "[cluster={}] provisioned kafka={} nodes={} controllers={} bootstrap={}",
        layout.clusterId(),
        layout.kafkaVersion(),
        layout.nodes().size(),
        layout.controllers().stream().map(NodeLayout::nodeId).toList(),
        layout.tenantListener() ? layout.bootstrap() : "(no tenant listener)");
    return layout;
  }

  @Override
  public synchronized Optional<ClusterLayout> layout(String clusterId) {
    requireValidId(clusterId);
    return store.read(clusterId);
  }

  @Override
  public synchronized NodeLayout addBroker(String clusterId) {
    ClusterLayout layout = requireLayout(clusterId);
    String classpath = kafka.classpath(layout.kafkaVersion());
    NodeLayout node = LayoutPlanner.nextBroker(layout, ports.reserve(portsInUse()));
    // Leftovers of an addBroker that stopped before it recorded the node.
    FileOperations.deleteRecursively(store.paths(clusterId).node(node.nodeId()).dir());
    ClusterLayout grown = layout.withNode(node);
    prepareNode(grown, node, classpath);
    store.write(grown);
    log.info(
        "[cluster={} node={}] added broker clientPort={} internalPort={}",
        clusterId,
        node.nodeId(),
        node.clientPort(),
        node.internalPort());
    return node;
  }

  @Override
  public synchronized void start(String clusterId, int nodeId) {
    ClusterLayout layout = requireLayout(clusterId);
    NodeLayout node = requireNode(layout, nodeId);
    NodePaths paths = store.paths(clusterId).node(nodeId);
    Optional<ProcessHandle> running = tracker.running(clusterId, nodeId, paths);
    if (running.isPresent()) {
      log.debug(
          "[cluster={} node={}] already running pid={}", clusterId, nodeId, running.get().pid());
      return;
    }
    if (!StorageFormatter.isFormatted(paths)) {
      throw new SubstrateException(
          "node "
              + nodeId
              + " of cluster "
              + clusterId
              + " has no formatted storage at "
              + paths.dataDir()
              + "; its data is gone. Remove the node and add a new one, or delete and"
              + " re-provision the cluster.");
    }
    String classpath =
        BrokerCommand.brokerClasspath(
            kafka.classpath(layout.kafkaVersion()),
            options.loadReporter().map(LoadReporterSettings::pluginJar).stream().toList());
    NodeFiles.write(layout, node, paths, options.tieredStorage(), options.loadReporter());
    ProcessHandle process = launcher.launch(paths, classpath);
    PidFile.write(paths.pidFile(), process.pid());
    if (!layout.upToDate(node) || node.started().isEmpty()) {
      store.write(layout.withStarted(nodeId));
    }
    log.info(
        "[cluster={} node={}] started pid={} roles={} kafka={} logs={}",
        clusterId,
        nodeId,
        process.pid(),
        node.roles(),
        layout.kafkaVersion(),
        paths.logsDir());
  }

  @Override
  public synchronized ClusterLayout retarget(
      String clusterId, String kafkaVersion, ClusterRevision revision) {
    ClusterLayout layout = requireLayout(clusterId);
    kafka.libs(kafkaVersion);
    BrokerConfigFactory.clusterConfig(layout.brokers().size(), revision.configOverrides());
    ClusterLayout next = layout.retargeted(kafkaVersion, revision);
    store.write(next);
    log.info(
        "[cluster={}] retargeted kafka={} generation={} overrides={} due={}",
        clusterId,
        kafkaVersion,
        revision.generation(),
        revision.configOverrides().keySet(),
        next.dueRestart());
    return next;
  }

  @Override
  public synchronized void stop(String clusterId, int nodeId, Duration grace) {
    ClusterLayout layout = requireLayout(clusterId);
    requireNode(layout, nodeId);
    NodePaths paths = store.paths(clusterId).node(nodeId);
    tracker
        .running(clusterId, nodeId, paths)
        .ifPresent(
            process -> terminate(Map.of(new NodeRef(clusterId, nodeId, paths), process), grace));
  }

  @Override
  public synchronized void removeNode(String clusterId, int nodeId) {
    ClusterLayout layout = requireLayout(clusterId);
    NodePaths paths = store.paths(clusterId).node(nodeId);
    Optional<NodeLayout> node = layout.node(nodeId);
    if (node.isPresent()) {
      if (node.get().runsController()) {
        throw new SubstrateException(
            "node "
                + nodeId
                + " of cluster "
                + clusterId
                + " is a controller of the static quorum and cannot be removed; remove a"
                + " broker-only node instead");
      }
      if (tracker.running(clusterId, nodeId, paths).isPresent()) {
        throw new SubstrateException(
            "node "
                + nodeId
                + " of cluster "
                + clusterId
                + " is running; stop it before removing it");
      }
      store.write(layout.withoutNode(nodeId));
    }
    FileOperations.deleteRecursively(paths.dir());
    log.info("[cluster={} node={}] removed", clusterId, nodeId);
  }

  @Override
  public synchronized List<NodeProcess> processes(String clusterId) {
    ClusterLayout layout = requireLayout(clusterId);
    var processes = new ArrayList<NodeProcess>();
    for (NodeLayout node : layout.nodes()) {
      NodePaths paths = store.paths(clusterId).node(node.nodeId());
      processes.add(
          tracker
              .running(clusterId, node.nodeId(), paths)
              .map(process -> NodeProcess.running(node.nodeId(), process.pid()))
              .orElse(NodeProcess.stopped(node.nodeId())));
    }
    return List.copyOf(processes);
  }

  @Override
  public synchronized void delete(String clusterId) {
    requireValidId(clusterId);
    store.read(clusterId).ifPresent(layout -> terminate(runningNodes(layout), options.stopGrace()));
    ClusterPaths paths = store.paths(clusterId);
    if (Files.exists(paths.dir())) {
      FileOperations.deleteRecursively(paths.dir());
      log.info("[cluster={}] deleted", clusterId);
    }
  }

  @Override
  public synchronized Map<String, Object> adminConfig(String clusterId) {
    return InternalClientConfig.of(requireLayout(clusterId));
  }

  @Override
  public synchronized void stopAll(Duration grace) {
    var running = new LinkedHashMap<NodeRef, ProcessHandle>();
    for (String clusterId : store.clusterIds()) {
      store.read(clusterId).ifPresent(layout -> running.putAll(runningNodes(layout)));
    }
    terminate(running, grace);
  }

  /** Stops every node of every cluster, waiting up to the default stop grace for each. */
  @Override
  public void close() {
    stopAll(options.stopGrace());
  }

  /** One node of one cluster, for stopping several at once and naming them in logs. */
  private record NodeRef(String clusterId, int nodeId, NodePaths paths) {}

  private Map<NodeRef, ProcessHandle> runningNodes(ClusterLayout layout) {
    var running = new LinkedHashMap<NodeRef, ProcessHandle>();
    for (NodeLayout node : layout.nodes()) {
      NodePaths paths = store.paths(layout.clusterId()).node(node.nodeId());
      tracker
          .running(layout.clusterId(), node.nodeId(), paths)
          .ifPresent(
              process ->
                  running.put(new NodeRef(layout.clusterId(), node.nodeId(), paths), process));
    }
    return running;
  }

  private void terminate(Map<NodeRef, ProcessHandle> running, Duration grace) {
    if (running.isEmpty()) {
      return;
    }
    running.forEach(
        (node, process) ->
            log.info(
                "[cluster={} node={}] stopping pid={} grace={}s",
                node.clusterId(),
                node.nodeId(),
                process.pid(),
                grace.toSeconds()));
    List<Long> killed = ProcessTerminator.terminate(running.values(), grace);
    running.forEach(
        (node, process) -> {
          PidFile.delete(node.paths().pidFile());
          log.info(
              "[cluster={} node={}] stopped pid={}{}",
              node.clusterId(),
              node.nodeId(),
              process.pid(),
              killed.contains(process.pid()) ? " (killed after grace)" : "");
        });
  }

  /** Writes the node's files and formats its storage. */
  private void prepareNode(ClusterLayout layout, NodeLayout node, String classpath) {
    NodePaths paths = store.paths(layout.clusterId()).node(node.nodeId());
    NodeFiles.write(layout, node, paths, options.tieredStorage(), options.loadReporter());
    formatter.format(paths, classpath, layout.kafkaClusterId());
  }

  private Set<Integer> portsInUse() {
    var inUse = new HashSet<Integer>();
    for (String clusterId : store.clusterIds()) {
      store
          .read(clusterId)
          .ifPresent(
              layout ->
                  layout
                      .nodes()
                      .forEach(
                          node -> {
                            inUse.add(node.clientPort());
                            inUse.add(node.internalPort());
                            inUse.add(node.controllerPort());
                          }));
    }
    inUse.remove(0);
    return inUse;
  }

  private ClusterLayout requireLayout(String clusterId) {
    requireValidId(clusterId);
    return store
        .read(clusterId)
        .orElseThrow(
            () ->
                new SubstrateException(
                    "cluster "
                        + clusterId
                        + " does not exist under "
                        + root
                        + "; provision it first. Existing: "
                        + store.clusterIds()));
  }

  private static NodeLayout requireNode(ClusterLayout layout, int nodeId) {
    return layout
        .node(nodeId)
        .orElseThrow(
            () ->
                new SubstrateException(
                    "cluster "
                        + layout.clusterId()
                        + " has no node "
                        + nodeId
                        + "; its nodes are "
                        + layout.nodes().stream().map(NodeLayout::nodeId).toList()));
  }

  private static void requireValidId(String clusterId) {
    if (!Identifiers.isDnsLabel(clusterId)) {
      throw new SubstrateException(
          "cluster id '"
              + clusterId
              + "' is not a DNS label (1-63 of a-z, 0-9, '-', starting with a letter and ending"
              + " with a letter or digit); it names the cluster's directory");
    }
  }
}
