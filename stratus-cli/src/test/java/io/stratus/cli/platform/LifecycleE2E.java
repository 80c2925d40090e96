package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster lifecycle without downtime, as a user meets it through the REST API: a 3-broker cluster
 * created at Kafka 4.3.1 is restarted, upgraded to 4.4.0, grown to 4 brokers and shrunk back to 3
 * while an idempotent {@code acks=all} producer and a consumer run on a topic with RF 3 and {@code
 * min.insync.replicas=2}. After each operation every acknowledged record has been read exactly
 * once, no send failed, at most one broker was ever down, and the cluster is READY with no
 * under-replicated partition. Last, with one broker frozen by hand, a rolling restart waits and
 * says why instead of restarting another broker. The steps build on each other and share one
 * platform, so they run in order; each prints its duration and the producer's latency, which {@code
 * target/bench/lifecycle-e2e.json} keeps (figures, never asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleE2E {

  private static final String FROM_VERSION = "4.3.1";
  private static final String TO_VERSION = "4.4.0";
  private static final Duration OPERATION = Duration.ofMinutes(6);
  private static final long WARM_UP_RECORDS = 400;
  private static final long PHASE_RECORDS = 2_000;

  @TempDir static Path temp;
  private Path data;
  private PlatformProcess platform;
  private RestClient api;
  private String clusterId;
  private Properties tenant;
  private Properties internal;
  private final List<ObjectNode> figures = new ArrayList<>();

  @BeforeAll
  void startPlatformAndCluster() throws Exception {
    data = temp.resolve("data");
    platform = new PlatformProcess(data, freePort());
    platform.startAndAwaitHealthy();
    api = new RestClient(platform.apiUrl(), platform.adminKey());
    RestClient.Answer created =
        api.post(
            "/v1/clusters",
            "{\"name\":\"lifecycle\",\"type\":\"dedicated\",\"brokers\":3,\"kafkaVersion\":\""
                + FROM_VERSION
                + "\",\"balancing\":{\"mode\":\"empty-broker\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    clusterId = created.body().path("id").asText();
    JsonNode ready =
        api.awaitReady(clusterId, 3, created.body().path("resourceVersion").asLong(), OPERATION);
    assertThat(ready.at("/status/kafkaVersion").asText()).isEqualTo(FROM_VERSION);
    TenantClient.Key key = TenantClient.issueKey(api, clusterId);
    tenant =
        TenantClient.properties(
            api.get("/v1/clusters/" + clusterId).body().at("/status/bootstrap").asText(),
            key.key(),
            key.secret());
    internal = InternalClient.properties(data, clusterId);
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (!figures.isEmpty()) {
      ArrayNode all = StratusJson.mapper().createArrayNode();
      figures.forEach(all::add);
      Path out = Path.of("target", "bench", "lifecycle-e2e.json");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out, StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
      System.out.println("lifecycle figures written to " + out.toAbsolutePath());
    }
    if (platform != null && platform.isAlive()) {
      platform.stop();
    }
  }

  @Test
  @Order(1)
  void aRollingRestartRestartsEveryBrokerWithoutLosingARecord() throws Exception {
    Map<Integer, Long> before = brokerPids();

    JsonNode cluster =
        underLoad(
            "rolling restart",
            "restart",
            3,
            () -> accepted(api.post("/v1/clusters/" + clusterId + "/restart", "")));

    Map<Integer, Long> after = brokerPids();
    for (Map.Entry<Integer, Long> broker : before.entrySet()) {
      assertThat(after.get(broker.getKey()))
          .as("broker %d runs in a new process", broker.getKey())
          .isNotEqualTo(broker.getValue());
    }
    assertThat(cluster.at("/status/kafkaVersion").asText()).isEqualTo(FROM_VERSION);
  }

  @Test
  @Order(2)
  void anUpgradeRollsEveryBrokerOntoTheNewVersionAndFinalizesItsMetadataVersion() throws Exception {
    int levelBefore = metadataVersionLevel();

    JsonNode cluster =
        underLoad(
            "upgrade " + FROM_VERSION + " -> " + TO_VERSION,
            "upgrade",
            3,
            () ->
                accepted(
                    api.patch(
                        "/v1/clusters/" + clusterId,
                        "{\"kafkaVersion\":\"" + TO_VERSION + "\"}",
                        null)));

    assertThat(cluster.at("/status/kafkaVersion").asText()).isEqualTo(TO_VERSION);
    for (JsonNode broker : cluster.at("/status/brokers")) {
      assertThat(broker.path("kafkaVersion").asText())
          .as("broker %s", broker.path("id"))
          .isEqualTo(TO_VERSION);
    }
    assertThat(metadataVersionLevel())
        .as("metadata.version finalized at the new version's level")
        .isGreaterThan(levelBefore);
    assertThat(cluster.at("/status/metadataVersion").asText())
        .isEqualTo(Integer.toString(metadataVersionLevel()));
  }

  @Test
  @Order(3)
  void expandingAddsABrokerThatTheBalancerFills() throws Exception {
    underLoad(
        "expand 3 -> 4",
        "expand",
        4,
        () -> accepted(api.patch("/v1/clusters/" + clusterId, "{\"brokers\":4}", null)));

    try (Admin admin = Admin.create(internal)) {
      long onNewBroker =
          admin
              .describeTopics(admin.listTopics().names().get())
              .allTopicNames()
              .get()
              .values()
              .stream()
              .flatMap(topic -> topic.partitions().stream())
              .filter(p -> p.replicas().stream().anyMatch(node -> node.id() == 3))
              .count();
      assertThat(onNewBroker).as("replicas on the new broker 3").isPositive();
    }
  }

  @Test
  @Order(4)
  void shrinkingDrainsAndRemovesTheBrokerWithTheLeastData() throws Exception {
    JsonNode cluster =
        underLoad(
            "shrink 4 -> 3",
            "shrink",
            3,
            () -> accepted(api.patch("/v1/clusters/" + clusterId, "{\"brokers\":3}", null)));

    List<Integer> ids = new ArrayList<>();
    cluster.at("/status/brokers").forEach(broker -> ids.add(broker.path("id").asInt()));
    assertThat(ids)
        .as("the broker-only node goes; nodes 0 to 2 run the controller quorum")
        .containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  @Order(5)
  void withABrokerDownByHandARollingRestartWaitsAndSaysWhy() throws Exception {
    createTopic("gate");
    Map<Integer, Long> before = brokerPids();
    long frozen = before.get(2);
    signal("STOP", frozen);
    try {
      try (Admin admin = Admin.create(internal)) {
        await("broker 2 fenced and out of the ISRs")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(
                () ->
                    admin
                        .describeTopics(List.of("gate"))
                        .allTopicNames()
                        .get()
                        .get("gate")
                        .partitions()
                        .stream()
                        .noneMatch(p -> p.isr().stream().anyMatch(node -> node.id() == 2)));
      }
      accepted(api.post("/v1/clusters/" + clusterId + "/restart", ""));

      JsonNode waiting =
          await("the roll reports what it waits for")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> api.get("/v1/clusters/" + clusterId).body(),
                  cluster ->
                      cluster.at("/status/operation/waitingFor").asText().contains("min.insync"));
      System.out.println(
          "gate: status while broker 2 is down: " + waiting.at("/status/message").asText());
      assertThat(waiting.at("/status/phase").asText()).isEqualTo("UPDATING");
      assertThat(waiting.at("/status/operation/kind").asText()).isEqualTo("restart");
      await("no broker restarted while broker 2 is down")
          .during(Duration.ofSeconds(20))
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> brokerPids().equals(before));
    } finally {
      signal("CONT", frozen);
    }

    JsonNode cluster =
        api.awaitReady(
            clusterId,
            3,
            api.get("/v1/clusters/" + clusterId).body().path("resourceVersion").asLong(),
            OPERATION);
    Map<Integer, Long> after = brokerPids();
    for (Map.Entry<Integer, Long> broker : before.entrySet()) {
      assertThat(after.get(broker.getKey()))
          .as("broker %d restarted once broker 2 was back", broker.getKey())
          .isNotEqualTo(broker.getValue());
    }
    assertThat(
            cluster.at("/status/operation").isNull()
                || cluster.at("/status/operation").isMissingNode())
        .isTrue();
    assertThat(underReplicated()).isEmpty();
  }

  /**
   * Runs one operation while records flow: a warm-up, a phase before, the operation (until the
   * cluster is READY again at the version it returns, with no operation left), a phase after; then
   * checks delivery, availability and replication, and records the figures.
   */
  private JsonNode underLoad(String name, String topic, int brokersAfter, Callable<Long> operation)
      throws Exception {
    createTopic(topic);
    JsonNode cluster;
    LoadReport report;
    long millis;
    try (ContinuousLoad load = ContinuousLoad.start(tenant, topic);
        BrokerAvailabilityWatch watch =
            BrokerAvailabilityWatch.start(internal, brokerPids().size())) {
      awaitAcknowledged(load, WARM_UP_RECORDS);
      load.phase("before");
      awaitAcknowledged(load, WARM_UP_RECORDS + PHASE_RECORDS);
      load.phase("during");
      long start = System.nanoTime();
      long version = operation.call();
      cluster = awaitSettled(version, brokersAfter);
      millis = (System.nanoTime() - start) / 1_000_000;
      watch.expect(brokersAfter);
      load.phase("after");
      long acknowledged = load.progress().acknowledged();
      awaitAcknowledged(load, acknowledged + 400);
      report = load.stopAndVerify(Duration.ofMinutes(2));
      System.out.println(name + ": " + millis + " ms; " + report.describe());
      System.out.println(name + ": " + watch.describe());
      assertThat(watch.maxDown())
          .as("brokers down at the same time during " + name)
          .isLessThanOrEqualTo(1);
      figures.add(figure(name, millis, report, watch.maxDown()));
    }
    assertThat(report.readToEnd()).as(report.describe()).isTrue();
    assertThat(report.lost()).as("acknowledged records never read: " + report.describe()).isZero();
    assertThat(report.duplicated()).as("records read twice: " + report.describe()).isZero();
    assertThat(report.failedSends())
        .as("sends failed after retries: " + report.describe())
        .isZero();
    assertThat(report.acknowledged()).isPositive();
    assertThat(cluster.at("/status/phase").asText()).isEqualTo("READY");
    assertThat(underReplicated()).as("under-replicated partitions after " + name).isEmpty();
    return cluster;
  }

  /** Waits until the cluster is READY at {@code version} with its brokers and no operation. */
  private JsonNode awaitSettled(long version, int brokers) {
    api.awaitIdle(clusterId, OPERATION);
    return api.awaitReady(clusterId, brokers, version, OPERATION);
  }

  private static void awaitAcknowledged(ContinuousLoad load, long records) {
    await(records + " records acknowledged")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> load.progress().acknowledged() >= records);
  }

  private static long accepted(RestClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    return answer.body().path("resourceVersion").asLong();
  }

  private void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(tenant)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get();
      await(topic + " has a leader and a full ISR on every partition")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                for (TopicPartitionInfo partition : description.partitions()) {
                  assertThat(partition.leader()).isNotNull();
                  assertThat(partition.isr()).hasSameSizeAs(partition.replicas());
                }
              });
    }
  }

  private List<TopicPartition> underReplicated() throws Exception {
    try (Admin admin = Admin.create(internal)) {
      List<TopicPartition> under = new ArrayList<>();
      for (Map.Entry<String, TopicDescription> topic :
          admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().entrySet()) {
        for (TopicPartitionInfo partition : topic.getValue().partitions()) {
          if (partition.isr().size() < partition.replicas().size()) {
            under.add(new TopicPartition(topic.getKey(), partition.partition()));
          }
        }
      }
      return under;
    }
  }

  private int metadataVersionLevel() throws Exception {
    try (Admin admin = Admin.create(internal)) {
      return admin
          .describeFeatures()
          .featureMetadata()
          .get()
          .finalizedFeatures()
          .get("metadata.version")
          .maxVersionLevel();
    }
  }

  /** The process id of each broker, from the pid files the local substrate keeps. */
  private Map<Integer, Long> brokerPids() throws IOException {
    Map<Integer, Long> pids = new HashMap<>();
    Path nodes = data.resolve("clusters").resolve(clusterId).resolve("nodes");
    try (var dirs = Files.list(nodes)) {
      for (Path dir : dirs.toList()) {
        Path pidFile = dir.resolve("node.pid");
        if (Files.exists(pidFile)) {
          pids.put(
              Integer.parseInt(dir.getFileName().toString()),
              Long.parseLong(Files.readString(pidFile).trim()));
        }
      }
    }
    return pids;
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
  }

  private static ObjectNode figure(String name, long millis, LoadReport report, int maxDown) {
    ObjectNode figure = StratusJson.mapper().createObjectNode();
    figure.put("operation", name);
    figure.put("durationMillis", millis);
    figure.put("acknowledged", report.acknowledged());
    figure.put("lost", report.lost());
    figure.put("duplicated", report.duplicated());
    figure.put("failedSends", report.failedSends());
    figure.put("maxBrokersDown", maxDown);
    for (String phase : List.of("before", "during", "after")) {
      PhaseLatency latency = report.latency(phase);
      ObjectNode node = figure.putObject(phase);
      node.put("records", latency.count());
      node.put("p50Millis", latency.p50Millis());
      node.put("p99Millis", latency.p99Millis());
      node.put("maxMillis", latency.maxMillis());
      ProducerLatency producer = report.producerLatency(phase);
      node.put("requestLatencyAvgMillis", producer.requestLatencyAvgMillis());
      node.put("requestLatencyMaxMillis", producer.requestLatencyMaxMillis());
    }
    return figure;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
