package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.controlplane.ControlPlane;
import io.stratus.controlplane.ControlPlaneSettings;
import io.stratus.dataplane.agent.Agent;
import io.stratus.dataplane.agent.AgentSettings;
import io.stratus.dataplane.balance.BalancerRuntimeSettings;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane outlives its control plane: with the control plane and its system Kafka stopped,
 * the agent still restarts a killed broker and the tenant cluster still serves; once both come
 * back, the control plane shows the cluster as the agent sees it now, and a change made over REST
 * reaches the agent again. The parts run in this JVM (brokers as their own processes), wired as
 * {@link Platform} wires them, so the test can stop them one by one. The steps share one platform
 * and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneOutageIT {

  private static final String KAFKA_VERSION = "4.4.0";
  private static final String AGENT_ID = "local";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration CONVERGE = Duration.ofMinutes(3);
  private static final Duration OUTAGE_HOLD = Duration.ofSeconds(30);
  private static final Duration CATCH_UP = Duration.ofMinutes(1);

  @TempDir static Path temp;
  private Path data;
  private LocalSubstrate systemSubstrate;
  private LocalSubstrate tenantSubstrate;
  private Map<String, Object> stateClient;
  private ControlPlane controlPlane;
  private ControlPlane successor;
  private Agent agent;
  private Admin tenantAdmin;
  private RestClient api;
  private String adminKey;
  private String clusterId;
  private Instant brokerKilledAt;

  @BeforeAll
  void startPlatform() {
    String kafkaHome = System.getProperty(UpCommand.KAFKA_HOME_PROPERTY);
    assertThat(kafkaHome)
        .as("system property %s (failsafe sets it)", UpCommand.KAFKA_HOME_PROPERTY)
        .isNotBlank();
    data = temp.resolve("data");
    LocalSubstrateOptions options =
        LocalSubstrateOptions.defaults(Path.of(kafkaHome))
            .withBrokerHeapMb(256)
            .withStopGrace(GRACE);
    systemSubstrate = new LocalSubstrate(data.resolve("system"), options);
    tenantSubstrate = new LocalSubstrate(data.resolve("clusters"), options);

    long started = System.nanoTime();
    systemSubstrate.provision(
        new ClusterPlan(Platform.SYSTEM_CLUSTER, 1, KAFKA_VERSION, Map.of(), false));
    startSystemKafka();
    controlPlane = ControlPlane.start(controlPlaneSettings());
    agent =
        new Agent(
            new AgentSettings(
                stateClient,
                (short) 1,
                data.resolve("agent"),
                AGENT_ID,
                Duration.ofSeconds(1),
                GRACE,
                Clock.systemUTC(),
                Optional.empty(),
                BalancerRuntimeSettings.defaults(1L << 40)),
            tenantSubstrate);
    agent.start();
    System.out.printf("platform started in %.1fs%n", seconds(started));
  }

  @AfterAll
  void stopEverything() {
    List<Runnable> stops = new ArrayList<>();
    stops.add(() -> closeIfStarted(tenantAdmin));
    stops.add(() -> closeIfStarted(agent));
    stops.add(() -> closeIfStarted(controlPlane));
    stops.add(() -> closeIfStarted(successor));
    stops.add(() -> stopAllIfCreated(tenantSubstrate));
    stops.add(() -> stopAllIfCreated(systemSubstrate));
    RuntimeException first = null;
    for (Runnable stop : stops) {
      try {
        stop.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (data != null) {
      assertNoProcessUses(data);
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  @Order(1)
  void aClusterCreatedOverRestBecomesReady() throws Exception {
    Optional<String> issued = controlPlane.issueInitialAdminKey();
    assertThat(issued).as("the first admin key of a new control plane").isPresent();
    adminKey = issued.get();
    api = new RestClient(controlPlane.apiUrl(), adminKey);

    long started = System.nanoTime();
    // Balancing off: growing then ends once the new broker serves, which is all this test
    // needs to see of a change made after the outage.
    RestClient.Answer created =
        api.post(
            "/v1/clusters",
            "{\"name\":\"outage\",\"type\":\"dedicated\",\"brokers\":3,"
                + "\"balancing\":{\"mode\":\"off\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    clusterId = created.body().path("id").asText();
    assertThat(clusterId).matches("lkc-[a-z0-9]{6}");

    awaitReady(3, created.body().path("resourceVersion").asLong());
    System.out.printf("cluster create -> READY in %.1fs%n", seconds(started));

    Map<String, Object> adminConfig = new HashMap<>(tenantSubstrate.adminConfig(clusterId));
    adminConfig.put("request.timeout.ms", 5000);
    adminConfig.put("default.api.timeout.ms", 10000);
    tenantAdmin = Admin.create(adminConfig);
  }

  @Test
  @Order(2)
  void withTheControlPlaneDownTheAgentRestartsAKilledBrokerAndTheClusterServes() throws Exception {
    long outageStarted = System.nanoTime();
    controlPlane.close();
    assertThatThrownBy(() -> api.get("/healthz"))
        .as("the REST API is gone with the control plane")
        .isInstanceOf(IOException.class);
    systemSubstrate.stop(Platform.SYSTEM_CLUSTER, 0, GRACE);
    assertThat(systemSubstrate.processes(Platform.SYSTEM_CLUSTER))
        .as("the control plane's Kafka is stopped")
        .noneMatch(NodeProcess::alive);

    long killedPid = brokerPid(1).orElseThrow();
    ProcessHandle killed = ProcessHandle.of(killedPid).orElseThrow();
    long started = System.nanoTime();
    brokerKilledAt = Instant.now();
    assertThat(killed.destroyForcibly()).as("kill -9 of broker 1 (pid %d)", killedPid).isTrue();
    killed.onExit().get(30, TimeUnit.SECONDS);

    await("the agent restarts broker 1 while the control plane is down")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              OptionalLong pid = brokerPid(1);
              assertThat(pid).as("node.pid of broker 1").isPresent();
              assertThat(pid.getAsLong()).as("pid of broker 1").isNotEqualTo(killedPid);
              assertThat(ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive))
                  .as("broker 1's new process (pid %d) is alive", pid.getAsLong())
                  .contains(true);
            });
    // The controllers keep listing a killed broker until its session times out, so only an answer
    // from broker 1's own listener proves that the new process is back in the cluster.
    await("the restarted broker 1 serves and all 3 brokers are registered, control plane down")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(brokersSeenBy(1)).as("brokers seen by broker 1").containsExactly(0, 1, 2);
              assertThat(registeredBrokers()).containsExactly(0, 1, 2);
            });
    System.out.printf("broker 1 killed -> 3 brokers registered in %.1fs%n", seconds(started));

    // The cluster does more than register: its controllers accept a topic on all three brokers.
    tenantAdmin
        .createTopics(List.of(new NewTopic("created-during-outage", 3, (short) 3)))
        .all()
        .get(30, TimeUnit.SECONDS);

    // A real outage lasts longer than any of the agent's timeouts for talking to the control
    // plane's Kafka (10 s), so whatever it reported about the crash has to wait for its return.
    Map<Integer, Long> pids = brokerPids();
    await("the cluster keeps serving, its brokers untouched, while the control plane stays down")
        .during(OUTAGE_HOLD)
        .atMost(OUTAGE_HOLD.plus(Duration.ofSeconds(30)))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(registeredBrokers()).containsExactly(0, 1, 2);
              assertThat(brokerPids()).as("pid of each broker").isEqualTo(pids);
            });
    assertThat(tenantAdmin.listTopics().names().get(10, TimeUnit.SECONDS))
        .contains("created-during-outage");
    assertThat(systemSubstrate.processes(Platform.SYSTEM_CLUSTER))
        .as("the control plane's Kafka stayed down for the whole step")
        .noneMatch(NodeProcess::alive);
    System.out.printf("control plane down for %.1fs so far%n", seconds(outageStarted));
  }

  @Test
  @Order(3)
  void theControlPlaneComesBackWithTheClusterAsTheAgentSeesItNow() throws Exception {
    long started = System.nanoTime();
    startSystemKafka();
    controlPlane = ControlPlane.start(controlPlaneSettings());
    System.out.printf("system Kafka + control plane back in %.1fs%n", seconds(started));
    assertThat(controlPlane.issueInitialAdminKey())
        .as("the restarted control plane rebuilt its keys from the log")
        .isEmpty();
    api = new RestClient(controlPlane.apiUrl(), adminKey);

    RestClient.Answer rebuilt = api.get("/v1/clusters/" + clusterId);
    assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
    assertThat(rebuilt.body().at("/spec/brokers").asInt()).isEqualTo(3);
    long version = rebuilt.body().path("resourceVersion").asLong();

    Map<Integer, Integer> clientPorts =
        tenantSubstrate.layout(clusterId).orElseThrow().nodes().stream()
            .collect(Collectors.toMap(NodeLayout::nodeId, NodeLayout::clientPort));
    await("the control plane shows what the agent saw after broker 1 was killed")
        .atMost(CATCH_UP)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode cluster = api.get("/v1/clusters/" + clusterId).body();
              assertThat(cluster.at("/status/phase").asText())
                  .as(cluster.at("/status/message").asText())
                  .isEqualTo("READY");
              assertThat(cluster.at("/status/observedVersion").asLong()).isEqualTo(version);
              List<JsonNode> brokers = new ArrayList<>();
              cluster.at("/status/brokers").forEach(brokers::add);
              assertThat(brokers)
                  .hasSize(3)
                  .allSatisfy(
                      broker -> {
                        assertThat(broker.path("state").asText()).isEqualTo("RUNNING");
                        assertThat(broker.path("port").asInt())
                            .isEqualTo(clientPorts.get(broker.path("id").asInt()));
                      });
              // A READY from before the outage looks just the same; the report the control plane
              // has must be one the agent made after the crash.
              assertThat(StatusTopic.lastReportedAt(stateClient, clusterId))
                  .as(
                      "time of the agent's last status report on the status topic (broker 1 was"
                          + " killed at %s): an earlier one means that what the agent reported"
                          + " during the outage never reached the control plane",
                      brokerKilledAt)
                  .hasValueSatisfying(reportedAt -> assertThat(reportedAt).isAfter(brokerKilledAt));
            });
  }

  @Test
  @Order(4)
  void aChangeMadeAfterTheOutageReachesTheAgent() throws Exception {
    assertThat(controlPlane.healthy()).as("the control plane is back").isTrue();
    api.awaitIdle(clusterId, CONVERGE);
    long version = api.get("/v1/clusters/" + clusterId).body().path("resourceVersion").asLong();
    long started = System.nanoTime();
    RestClient.Answer patched =
        api.patch("/v1/clusters/" + clusterId, "{\"brokers\":4}", "\"" + version + "\"");
    assertThat(patched.status()).as(patched.body().toString()).isEqualTo(202);
    JsonNode four = awaitReady(4, patched.body().path("resourceVersion").asLong());
    assertThat(four.at("/status/brokers"))
        .allSatisfy(broker -> assertThat(broker.path("state").asText()).isEqualTo("RUNNING"));
    assertThat(registeredBrokers())
        .as("brokers registered with the tenant cluster's controllers")
        .containsExactly(0, 1, 2, 3);
    System.out.printf("PATCH brokers 3 -> 4 READY in %.1fs%n", seconds(started));
  }

  @Test
  @Order(5)
  void aSecondControlPlaneFencesTheFirstSoOnlyOneWrites() throws Exception {
    successor = ControlPlane.start(controlPlaneSettings());
    RestClient successorApi = new RestClient(successor.apiUrl(), adminKey);
    assertThat(successorApi.get("/v1/clusters/" + clusterId).status())
        .as("the successor rebuilt the cluster from the log")
        .isEqualTo(200);

    RestClient.Answer fenced = api.post("/v1/clusters/" + clusterId + "/api-keys", "");
    assertThat(fenced.status())
        .as("a write to the fenced control plane: %s", fenced.body())
        .isEqualTo(503);
    assertThat(fenced.contentType()).startsWith("application/problem+json");

    RestClient.Answer written = successorApi.post("/v1/clusters/" + clusterId + "/api-keys", "");
    assertThat(written.status()).as(written.body().toString()).isEqualTo(201);
  }

  private ControlPlaneSettings controlPlaneSettings() {
    return new ControlPlaneSettings(
        stateClient,
        ControlPlaneSettings.DEFAULT_BIND_HOST,
        0,
        (short) 1,
        Set.of(KAFKA_VERSION),
        KAFKA_VERSION,
        ControlPlaneSettings.DEFAULT_TRANSACTIONAL_ID,
        Clock.systemUTC(),
        new SecureRandom());
  }

  private void startSystemKafka() {
    systemSubstrate.start(Platform.SYSTEM_CLUSTER, 0);
    stateClient = systemSubstrate.adminConfig(Platform.SYSTEM_CLUSTER);
    SystemKafka.awaitReady(stateClient, Duration.ofMinutes(2));
  }

  private JsonNode awaitReady(int brokers, long version) {
    return api.awaitReady(clusterId, brokers, version, CONVERGE);
  }

  private Set<Integer> registeredBrokers() throws Exception {
    return tenantAdmin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
        .map(Node::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The registered brokers as one broker answers, asked on its own internal listener only. */
  private Set<Integer> brokersSeenBy(int node) throws Exception {
    NodeLayout layout = tenantSubstrate.layout(clusterId).orElseThrow().node(node).orElseThrow();
    Map<String, Object> config = new HashMap<>(tenantSubstrate.adminConfig(clusterId));
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        ClusterLayout.INTERNAL_HOST + ":" + layout.internalPort());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stratus-test-broker-" + node);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    Admin admin = Admin.create(config);
    try {
      return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
          .map(Node::id)
          .collect(Collectors.toCollection(TreeSet::new));
    } finally {
      admin.close(Duration.ofSeconds(5));
    }
  }

  /** The pid of each broker of the cluster, from the pid files. */
  private Map<Integer, Long> brokerPids() throws IOException {
    Map<Integer, Long> pids = new TreeMap<>();
    for (NodeLayout node : tenantSubstrate.layout(clusterId).orElseThrow().nodes()) {
      OptionalLong pid = brokerPid(node.nodeId());
      if (pid.isPresent()) {
        pids.put(node.nodeId(), pid.getAsLong());
      }
    }
    return pids;
  }

  /** The pid in the node's pid file; empty while there is none (the agent removes stale ones). */
  private OptionalLong brokerPid(int node) throws IOException {
    Path pidFile =
        data.resolve("clusters")
            .resolve(clusterId)
            .resolve("nodes")
            .resolve(String.valueOf(node))
            .resolve("node.pid");
    try {
      String text = Files.readString(pidFile).trim();
      return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  private static void closeIfStarted(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not close " + part, e);
    }
  }

  private static void stopAllIfCreated(LocalSubstrate substrate) {
    if (substrate != null) {
      substrate.stopAll(GRACE);
    }
  }

  private static void assertNoProcessUses(Path directory) {
    String path = directory.toAbsolutePath().toString();
    List<String> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(path))
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(left).as("processes still using %s", path).isEmpty();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
