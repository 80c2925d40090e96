package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform as a user meets it: {@code stratus up} in its own JVM, a 3-broker cluster created
 * over REST, an API key, and kcat (librdkafka) producing and consuming with SCRAM. The steps build
 * on each other and share one platform, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformE2E {

  private static final int RECORDS = 10_000;
  private static final Duration CONVERGE = Duration.ofMinutes(4);

  @TempDir static Path temp;
  private Path data;
  private PlatformProcess platform;
  private RestClient api;
  private String clusterId;
  private String bootstrap;
  private String key;
  private String secret;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  @BeforeAll
  void startPlatform() throws Exception {
    Kcat.requireUsable();
    data = temp.resolve("data");
    platform = new PlatformProcess(data, freePort());
    Duration healthy = platform.startAndAwaitHealthy();
    System.out.printf("stratus up healthy after %.1fs%n", healthy.toMillis() / 1000.0);
    api = new RestClient(platform.apiUrl(), platform.adminKey());
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (platform == null) {
      return;
    }
    if (platform.isAlive()) {
      platform.stop();
    }
    assertNoProcessUses(data);
  }

  @Test
  @Order(1)
  void credentialsAreWrittenPrivatelyAndTheKeyIsPrintedOnce() throws Exception {
    Path credentials = data.resolve("credentials.json");
    assertThat(Files.getPosixFilePermissions(credentials))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    assertThat(platform.output()).contains(platform.adminKey());
  }

  @Test
  @Order(2)
  void theApiRejectsBadRequestsWithProblemDetails() throws Exception {
    assertThat(api.withKey(null).get("/v1/clusters").status()).isEqualTo(401);
    assertThat(api.withKey("AAAAAAAAAAAAAAAA.wrong").get("/v1/clusters").status()).isEqualTo(401);

    assertProblem(api.post("/v1/clusters", "{\"name\":"), 400, "body");
    assertProblem(
        api.post("/v1/clusters", "{\"name\":\"a\",\"type\":\"serverless\"}"), 400, "type");
    assertProblem(
        api.post("/v1/clusters", "{\"name\":\"Bad_Name\",\"type\":\"dedicated\"}"), 400, "name");
    assertProblem(
        api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":0}"),
        400,
        "brokers");
    assertProblem(api.get("/v1/clusters/lkc-nosuch"), 404, null);
  }

  @Test
  @Order(3)
  void aClusterCreatedOverRestBecomesReady() throws Exception {
    long started = System.nanoTime();
    // Balancing is BalancerE2E's subject; off here, growing ends once the new broker serves
    // (a broker that leaves is still drained first).
    RestClient.Answer created =
        api.post(
            "/v1/clusters",
            "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":3,"
                + "\"balancing\":{\"mode\":\"off\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    assertThat(created.body().at("/status/phase").asText()).isEqualTo("PROVISIONING");
    clusterId = created.body().path("id").asText();
    assertThat(clusterId).matches("lkc-[a-z0-9]{6}");

    JsonNode ready = awaitReady(3, created.body().path("resourceVersion").asLong());
    System.out.printf("cluster create -> READY in %.1fs%n", (System.nanoTime() - started) / 1e9);
    bootstrap = ready.at("/status/bootstrap").asText();
    assertThat(bootstrap.split(",")).hasSize(3);
  }

  @Test
  @Order(4)
  void anApiKeyLetsKcatProduceAndConsumeTenThousandRecords() throws Exception {
    RestClient.Answer created = api.post("/v1/clusters/" + clusterId + "/api-keys", "");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    key = created.body().path("key").asText();
    secret = created.body().path("secret").asText();

    Kcat kcat = new Kcat(bootstrap, key, secret, temp);
    List<String> records = IntStream.range(0, RECORDS).mapToObj(i -> "record-" + i).toList();
    // The SCRAM user is created by the agent shortly after the key is issued.
    await("kcat can authenticate with the new key")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .untilAsserted(() -> kcat.produce("events", List.of("probe")));
    kcat.produce("events", records);

    List<String> consumed = kcat.consume("events", RECORDS + 1);
    assertThat(consumed).hasSize(RECORDS + 1).containsAll(records);
  }

  @Test
  @Order(5)
  void theSecretIsNowhereInPlaintext() throws Exception {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Path> containing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          containing.add(file);
        }
      }
    }
    assertThat(containing).as("files holding the API secret in plaintext").isEmpty();
    assertThat(platform.output()).doesNotContain(secret);
  }

  @Test
  @Order(6)
  void killingABrokerWhileProducingLosesNoAcknowledgedRecord() throws Exception {
    try (Admin admin = Admin.create(tenantClient())) {
      admin.createTopics(List.of(new NewTopic("payments", 6, (short) 3))).all().get();
    }
    long brokerPid = Long.parseLong(Files.readString(nodeDirectory(1).resolve("node.pid")).trim());

    Properties producerConfig = tenantClient();
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 20_000; i++) {
        String value = "payment-" + i;
        producer.send(
            new ProducerRecord<>("payments", String.valueOf(i), value),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.add(value);
              }
            });
        if (i == 5_000) {
          producer.flush();
          ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();
        }
      }
      producer.flush();
    }
    assertThat(acknowledged).as("records acknowledged with acks=all").hasSizeGreaterThan(10_000);

    assertThat(consumeAll("payments")).containsAll(acknowledged);
    await("the agent restarts the killed broker")
        .atMost(CONVERGE)
        .untilAsserted(
            () -> {
              JsonNode cluster = api.get("/v1/clusters/" + clusterId).body();
              assertThat(cluster.at("/status/phase").asText()).isEqualTo("READY");
              long pid =
                  Long.parseLong(Files.readString(nodeDirectory(1).resolve("node.pid")).trim());
              assertThat(pid).isNotEqualTo(brokerPid);
              assertThat(ProcessHandle.of(pid))
                  .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            });
  }

  @Test
  @Order(7)
  void scalingThreeToFourToThreeConvergesWithNoRecordLost() throws Exception {
    JsonNode four = scale(4);
    assertThat(four.at("/status/brokers")).hasSize(4);
    try (Admin admin = Admin.create(tenantClient())) {
      // Spread over four brokers, so broker 3 holds replicas that must move before it goes.
      admin.createTopics(List.of(new NewTopic("spread", 8, (short) 3))).all().get();
      await("'spread' has replicas on broker 3, to be moved off it")
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          admin
                              .describeTopics(List.of("spread"))
                              .allTopicNames()
                              .get()
                              .get("spread")
                              .partitions())
                      .anySatisfy(
                          partition ->
                              assertThat(partition.replicas()).anyMatch(node -> node.id() == 3)));
    }
    List<String> spread = IntStream.range(0, 1000).mapToObj(i -> "spread-" + i).toList();
    new Kcat(bootstrap(), key, secret, temp).produce("spread", spread);

    JsonNode three = scale(3);
    assertThat(three.at("/status/brokers")).hasSize(3);
    Kcat kcat = new Kcat(bootstrap(), key, secret, temp);
    assertThat(kcat.consume("spread", spread.size())).containsExactlyInAnyOrderElementsOf(spread);
    assertThat(kcat.consume("events", RECORDS + 1)).hasSize(RECORDS + 1);
    assertThat(consumeAll("payments")).containsAll(acknowledged);
  }

  @Test
  @Order(8)
  void sigtermStopsEveryBrokerAndARestartBringsTheClusterBackWithItsData() throws Exception {
    assertThat(platform.stop()).isNotNegative();
    assertNoProcessUses(data);

    platform = new PlatformProcess(data, platform.apiUrl().getPort());
    platform.startAndAwaitHealthy();
    awaitReady(3, api.get("/v1/clusters/" + clusterId).body().path("resourceVersion").asLong());
    // The status read back at start is the one reported before the stop; the brokers answer only
    // once the new agent has adopted or restarted them.
    await("the restarted brokers serve clients again")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              try (Admin admin = Admin.create(tenantClient())) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(3);
              }
            });

    List<String> consumed = new Kcat(bootstrap(), key, secret, temp).consume("events", RECORDS + 1);
    assertThat(consumed).hasSize(RECORDS + 1);
    assertThat(consumed)
        .containsAll(IntStream.range(0, RECORDS).mapToObj(i -> "record-" + i).toList());
  }

  @Test
  @Order(9)
  void deleteRemovesProcessesPortsAndData() throws Exception {
    JsonNode cluster = api.get("/v1/clusters/" + clusterId).body();
    List<Integer> ports = new ArrayList<>();
    cluster.at("/status/brokers").forEach(b -> ports.add(b.path("port").asInt()));
    Path clusterDirectory = data.resolve("clusters").resolve(clusterId);
    assertThat(clusterDirectory).isDirectory();

    RestClient.Answer deleted = api.delete("/v1/clusters/" + clusterId);
    assertThat(deleted.status()).isEqualTo(202);
    assertThat(deleted.body().at("/status/phase").asText()).isEqualTo("DELETING");

    await("the cluster is gone")
        .atMost(CONVERGE)
        .until(() -> api.get("/v1/clusters/" + clusterId).status() == 404);
    assertThat(clusterDirectory).doesNotExist();
    assertNoProcessUses(clusterDirectory);
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port)) {
        assertThat(socket.getLocalPort()).as("client port %d is free again", port).isEqualTo(port);
      }
    }
  }

  private JsonNode scale(int brokers) throws Exception {
    api.awaitIdle(clusterId, CONVERGE);
    JsonNode current = api.get("/v1/clusters/" + clusterId).body();
    long version = current.path("resourceVersion").asLong();
    RestClient.Answer patched =
        api.patch(
            "/v1/clusters/" + clusterId, "{\"brokers\":" + brokers + "}", "\"" + version + "\"");
    assertThat(patched.status()).as(patched.body().toString()).isEqualTo(202);
    return awaitReady(brokers, patched.body().path("resourceVersion").asLong());
  }

  private JsonNode awaitReady(int brokers, long version) {
    return api.awaitReady(clusterId, brokers, version, CONVERGE);
  }

  private String bootstrap() throws Exception {
    return api.get("/v1/clusters/" + clusterId).body().at("/status/bootstrap").asText();
  }

  private Path nodeDirectory(int node) {
    return data.resolve("clusters")
        .resolve(clusterId)
        .resolve("nodes")
        .resolve(String.valueOf(node));
  }

  private Properties tenantClient() throws Exception {
    return TenantClient.properties(bootstrap(), key, secret);
  }

  private Set<String> consumeAll(String topic) throws Exception {
    Properties config = tenantClient();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Set<String> values = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await("read " + topic + " to its end")
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
    }
    return values;
  }

  private static void assertProblem(RestClient.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    assertThat(answer.body().path("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(answer.body().path("field").asText()).isEqualTo(field);
      assertThat(answer.body().path("detail").asText()).contains(field);
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

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
