package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/**
 * Three real Kafka brokers on the local substrate, shared by the tests of one integration test
 * class: started and registered before the first test, and on {@link #close()} stopped, any process
 * that outlived the stop killed, and their directory deleted. Test support.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String clusterId;
  private final Path root;
  private final LocalSubstrate substrate;
  private final Duration grace;
  private final Set<Long> pids = new HashSet<>();
  private Map<String, Object> clientConfig = Map.of();
  private Admin admin;

  private ThreeBrokerCluster(
      String clusterId, Path root, LocalSubstrate substrate, Duration grace) {
    this.clusterId = clusterId;
    this.root = root;
    this.substrate = substrate;
    this.grace = grace;
  }

  /**
   * Provisions and starts the cluster and waits until all three brokers are registered.
   *
   * @param directoryPrefix the prefix of the temporary directory that holds it
   * @param options the substrate's options; its stop grace is used on close
   * @param config broker configuration overrides
   */
  public static ThreeBrokerCluster start(
      String clusterId,
      String directoryPrefix,
      LocalSubstrateOptions options,
      Map<String, String> config) {
    Path root;
    try {
      root = Files.createTempDirectory(directoryPrefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory", e);
    }
    ThreeBrokerCluster cluster =
        new ThreeBrokerCluster(
            clusterId,
            root,
            new LocalSubstrate(root.resolve("clusters"), options),
            options.stopGrace());
    try {
      cluster.startBrokers(config);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void startBrokers(Map<String, String> config) {
    ClusterLayout layout =
        substrate.provision(new ClusterPlan(clusterId, 3, TestKafka.VERSION, config, false));
    for (NodeLayout node : layout.nodes()) {
      substrate.start(clusterId, node.nodeId());
    }
    substrate.processes(clusterId).forEach(node -> node.pid().ifPresent(pids::add));
    Map<String, Object> client = new HashMap<>(substrate.adminConfig(clusterId));
    client.put("request.timeout.ms", 5000);
    client.put("default.api.timeout.ms", 15000);
    clientConfig = Map.copyOf(client);
    admin = Admin.create(clientConfig);
    await("all three brokers registered")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(admin.describeCluster().nodes().get())
                    .extracting(Node::id)
                    .containsExactlyInAnyOrder(0, 1, 2));
  }

  public String clusterId() {
    return clusterId;
  }

  public Path root() {
    return root;
  }

  public LocalSubstrate substrate() {
    return substrate;
  }

  /** The internal client configuration, with short request timeouts. */
  public Map<String, Object> clientConfig() {
    return clientConfig;
  }

  /** An Admin client on the cluster, closed with it. */
  public Admin admin() {
    return admin;
  }

  @Override
  public void close() {
    try {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    } finally {
      try {
        substrate.stopAll(grace);
      } finally {
        for (long pid : pids) {
          ProcessHandle.of(pid)
              .filter(
                  p -> p.info().commandLine().map(l -> l.contains(root.toString())).orElse(false))
              .ifPresent(ProcessHandle::destroyForcibly);
        }
        FileOperations.deleteRecursively(root);
      }
    }
  }
}
