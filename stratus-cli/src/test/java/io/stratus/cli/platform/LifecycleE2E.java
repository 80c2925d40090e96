package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
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
 * created at Kafka 4.3.1 is restarted, then upgraded to 4.4.0, while an idempotent {@code acks=all}
 * producer and a consumer run on a topic with RF 3 and {@code min.insync.replicas=2} ({@link
 * OperationUnderLoad}); a second change while one runs is refused with 409. After each operation
 * every acknowledged record has been read exactly once, no send failed, at most one broker was ever
 * down, and the cluster is READY with no under-replicated partition. Last, with one broker frozen
 * by hand, a rolling restart waits and says why instead of restarting another broker. Growing and
 * shrinking under the same load are in {@link BalancerE2E}. The steps build on each other and share
 * one platform, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleE2E {

  private static final String FROM_VERSION = "4.3.1";
  private static final String TO_VERSION = "4.4.0";
  private static final Duration OPERATION = Duration.ofMinutes(6);

  @TempDir static Path temp;
  private Path data;
  private PlatformProcess platform;
  private RestClient api;
  private String clusterId;
  private Properties tenant;
  private Properties internal;
  private OperationUnderLoad operations;

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
    operations = new OperationUnderLoad(api, clusterId, tenant, internal, OPERATION);
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (platform != null && platform.isAlive()) {
      platform.stop();
    }
  }

  @Test
  @Order(1)
  void aRollingRestartRestartsEveryBrokerWithoutLosingARecord() throws Exception {
    Map<Integer, Long> before = brokerPids();

    JsonNode cluster =
        operations.run(
            "rolling restart",
            "restart",
            3,
            3,
            () -> {
              long version = accepted(api.post("/v1/clusters/" + clusterId + "/restart", ""));
              RestClient.Answer second =
                  api.patch("/v1/clusters/" + clusterId, "{\"brokers\":4}", null);
              assertThat(second.status())
                  .as("a second lifecycle change while the restart runs: " + second.body())
                  .isEqualTo(409);
              assertThat(second.body().path("type").asText()).endsWith("/cluster-busy");
              System.out.println("rolling restart: a second change got " + second.body());
              return version;
            });

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
        operations.run(
            "upgrade " + FROM_VERSION + " -> " + TO_VERSION,
            "upgrade",
            3,
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
  void withABrokerDownByHandARollingRestartWaitsAndSaysWhy() throws Exception {
    operations.createTopic("gate");
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
          .during(Duration.ofSeconds(10))
          .atMost(Duration.ofSeconds(20))
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
    assertThat(operations.underReplicated()).isEmpty();
  }

  private static long accepted(RestClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    return answer.body().path("resourceVersion").asLong();
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

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
