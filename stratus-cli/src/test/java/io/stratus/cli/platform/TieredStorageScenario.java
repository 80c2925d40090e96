package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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
 * Tiered storage as a user of the platform meets it, whatever the object store: a topic created by
 * a client is tiered without asking, ~200 MB written to it leave the brokers for the object store,
 * the brokers keep only the topic's hot set, and kcat reads every record back from offset 0 byte
 * for byte. Subclasses say where the object store is and add their own steps. The steps build on
 * each other and share one platform, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TieredStorageScenario {

  static final String TOPIC = "history";
  static final int PARTITIONS = 3;
  static final int VALUE_BYTES = 1000;

  /** About 200 MB of values. */
  static final int RECORDS = 200_000;

  static final long SEGMENT_BYTES = 1024 * 1024;
  static final long LOCAL_RETENTION_BYTES = 2 * SEGMENT_BYTES;

  private static final Duration CONVERGE = Duration.ofMinutes(4);

  @TempDir static Path temp;
  Path data;
  PlatformProcess platform;
  RestClient api;
  String clusterId;
  String key;
  String secret;

  /** Records acknowledged so far: 0 .. produced-1, then any added by subclasses' steps. */
  final AtomicLong produced = new AtomicLong();

  /** Extra {@code stratus up} options choosing the object store. */
  abstract List<String> objectStoreArguments() throws Exception;

  /** Extra environment of {@code stratus up}, e.g. the object store's credentials. */
  abstract Map<String, String> objectStoreEnvironment();

  /** The keys of the cluster's stored objects and their sizes. */
  abstract Map<String, Long> storedObjects() throws Exception;

  @BeforeAll
  void startPlatform() throws Exception {
    Kcat.requireUsable();
    data = temp.resolve("data");
    platform =
        new PlatformProcess(data, freePort(), objectStoreArguments(), objectStoreEnvironment());
    platform.startAndAwaitHealthy();
    api = new RestClient(platform.apiUrl(), platform.adminKey());
    RestClient.Answer created =
        api.post("/v1/clusters", "{\"name\":\"tiered\",\"type\":\"dedicated\",\"brokers\":3}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    clusterId = created.body().path("id").asText();
    api.awaitReady(clusterId, 3, created.body().path("resourceVersion").asLong(), CONVERGE);
    TenantClient.Key apiKey = TenantClient.issueKey(api, clusterId);
    key = apiKey.key();
    secret = apiKey.secret();
  }

  @AfterAll
  void stopPlatform() throws Exception {
    if (platform != null && platform.isAlive()) {
      platform.stop();
    }
  }

  @Test
  @Order(1)
  void aTopicCreatedByAClientIsTieredWithoutAskingButACompactedOneIsNot() throws Exception {
    try (Admin admin = Admin.create(tenantClient())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TOPIC, PARTITIONS, (short) 3)
                      .configs(
                          Map.of(
                              TopicConfig.SEGMENT_BYTES_CONFIG,
                              String.valueOf(SEGMENT_BYTES),
                              // The tenant's own hot set for this topic, instead of the default.
                              TopicConfig.LOCAL_LOG_RETENTION_BYTES_CONFIG,
                              String.valueOf(LOCAL_RETENTION_BYTES))),
                  new NewTopic("latest-state", 1, (short) 3)
                      .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))))
          .all()
          .get();
      await("the platform turns tiering on for " + TOPIC)
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(
              () ->
                  assertThat(
                          topicConfig(admin, TOPIC, TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG))
                      .isEqualTo("true"));
      assertThat(topicConfig(admin, "latest-state", TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG))
          .as("Kafka cannot tier compacted topics, so the platform leaves them alone")
          .isEqualTo("false");
    }
  }

  @Test
  @Order(2)
  void twoHundredMegabytesAreAcknowledged() throws Exception {
    long started = System.nanoTime();
    produce(0, RECORDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "produced %d records (%d MB) in %.1fs%n",
        RECORDS, (long) RECORDS * VALUE_BYTES / 1_000_000, seconds);
  }

  @Test
  @Order(3)
  void closedSegmentsMoveToTheObjectStoreAndBrokersKeepOnlyTheHotSet() throws Exception {
    await("segments of " + TOPIC + " appear in the object store")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(storedObjects().keySet())
                    .filteredOn(k -> isTopicObject(k) && k.endsWith(".log"))
                    .hasSizeGreaterThan(RECORDS * VALUE_BYTES / (int) SEGMENT_BYTES / 2));
    awaitOnlyTheHotSetIsLocal();
    Map<String, Long> local = localReplicaBytes();
    long stored =
        storedObjects().entrySet().stream()
            .filter(e -> isTopicObject(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    System.out.printf(
        "local bytes per replica of %s: %s; in the object store: %d bytes%n", TOPIC, local, stored);
  }

  @Test
  @Order(4)
  void kcatReadsEveryRecordFromOffsetZeroByteForByte() throws Exception {
    verifyWithKcat(produced.get());
  }

  @Test
  @Order(5)
  void statusAndDescribeShowLocalAndRemoteBytes() throws Exception {
    await("the agent reports local and remote bytes")
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              JsonNode storage = api.get("/v1/clusters/" + clusterId).body().at("/status/storage");
              assertThat(storage.path("localBytes").asLong()).isPositive();
              assertThat(storage.path("remoteBytes").asLong())
                  .isGreaterThan((long) RECORDS * VALUE_BYTES / 4);
            });
    JsonNode storage = api.get("/v1/clusters/" + clusterId).body().at("/status/storage");
    System.out.printf("cluster storage: %s%n", storage);
    assertThat(describeText())
        .containsPattern("Storage:\\s+\\S+ \\S+ on brokers, \\S+ \\S+ in object storage");
  }

  @Test
  @Order(6)
  void tenantsCannotReadOrWriteTheTieringMetadata() throws Exception {
    Properties config = tenantClient();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition("__remote_log_metadata", 0)));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  @Order(7)
  void aBrokerKilledAndRestartedStillServesTieredData() throws Exception {
    long pid = Long.parseLong(Files.readString(nodeDirectory(1).resolve("node.pid")).trim());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await("the agent restarts broker 1")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              long now =
                  Long.parseLong(Files.readString(nodeDirectory(1).resolve("node.pid")).trim());
              assertThat(now).isNotEqualTo(pid);
              assertThat(ProcessHandle.of(now).map(ProcessHandle::isAlive)).contains(true);
              JsonNode cluster = api.get("/v1/clusters/" + clusterId).body();
              assertThat(cluster.at("/status/phase").asText()).isEqualTo("READY");
              assertThat(cluster.at("/status/brokers").findValuesAsText("state"))
                  .containsOnly("RUNNING");
            });
    assertThat(countFromBeginning()).isEqualTo(produced.get());
  }

  // ---- helpers shared with subclasses ----

  /**
   * Waits until local retention has deleted what has been tiered: each replica keeps at most the
   * retained segments, the active one, and one that is past retention but not yet deleted.
   */
  void awaitOnlyTheHotSetIsLocal() {
    long bound = LOCAL_RETENTION_BYTES + 2 * SEGMENT_BYTES;
    await("every replica of " + TOPIC + " shrinks to its hot set")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(localReplicaBytes())
                    .allSatisfy(
                        (replica, bytes) ->
                            assertThat(bytes)
                                .as("bytes on disk of %s", replica)
                                .isLessThanOrEqualTo(bound)));
  }

  /** Produces records {@code from} .. {@code from+count-1}, acks=all, idempotent; all acked. */
  void produce(long from, long count) throws Exception {
    Properties config = producerClient();
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acked = new AtomicLong();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (long i = from; i < from + count; i++) {
        producer.send(
            new ProducerRecord<>(TOPIC, recordKey(i), value(i)),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              } else {
                acked.incrementAndGet();
              }
            });
      }
      producer.flush();
    }
    assertThat(failure.get()).as("a send failed").isNull();
    assertThat(acked.get()).isEqualTo(count);
    produced.addAndGet(count);
  }

  /** A tenant producer that never loses an acknowledged record: acks=all, idempotent. */
  Properties producerClient() throws Exception {
    Properties config = tenantClient();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
    return config;
  }

  static String recordKey(long i) {
    return "k" + i;
  }

  /** The value of record {@code i}: {@value #VALUE_BYTES} printable bytes, the same every time. */
  static String value(long i) {
    Random random = new Random(i);
    StringBuilder value = new StringBuilder(VALUE_BYTES);
    value.append('v').append(i).append(':');
    while (value.length() < VALUE_BYTES) {
      value.append((char) ('a' + random.nextInt(26)));
    }
    return value.toString();
  }

  /** kcat reads {@code expected} records from offset 0; every one has exactly its value, once. */
  void verifyWithKcat(long expected) throws Exception {
    Kcat kcat = new Kcat(bootstrap(), key, secret, temp);
    long started = System.nanoTime();
    Path consumed = kcat.consumeToFile(TOPIC, expected, "%k %s\\n");
    double seconds = (System.nanoTime() - started) / 1e9;
    BitSet seen = new BitSet();
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(consumed, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        int space = line.indexOf(' ');
        long i = Long.parseLong(line.substring(1, space));
        assertThat(line.substring(space + 1)).as("value of record %d", i).isEqualTo(value(i));
        assertThat(seen.get((int) i)).as("record %d read twice", i).isFalse();
        seen.set((int) i);
      }
    }
    assertThat(lines).isEqualTo(expected);
    assertThat(seen.cardinality()).isEqualTo((int) expected);
    assertThat(seen.nextClearBit(0)).isEqualTo((int) expected);
    System.out.printf(
        "kcat read %d records from offset 0 in %.1fs, every value as written%n", lines, seconds);
    Files.delete(consumed);
  }

  /** How many records a Java consumer reads from the beginning of the topic to its end. */
  long countFromBeginning() throws Exception {
    Properties config = tenantClient();
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
    long count = 0;
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime())
            .as("read %s to its end within 3 minutes", TOPIC)
            .isLessThan(deadline);
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return count;
  }

  static List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(TOPIC, p));
    }
    return partitions;
  }

  /** Bytes of log segments each replica of the topic keeps on its broker's disk. */
  Map<String, Long> localReplicaBytes() throws IOException {
    Map<String, Long> bytes = new HashMap<>();
    for (int node = 0; node < 3; node++) {
      for (int p = 0; p < PARTITIONS; p++) {
        Path dir = nodeDirectory(node).resolve("data").resolve(TOPIC + "-" + p);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          bytes.put(
              "node" + node + "/" + TOPIC + "-" + p,
              files
                  .filter(f -> f.getFileName().toString().endsWith(".log"))
                  .mapToLong(TieredStorageScenario::sizeOf)
                  .sum());
        }
      }
    }
    return bytes;
  }

  Path nodeDirectory(int node) {
    return data.resolve("clusters")
        .resolve(clusterId)
        .resolve("nodes")
        .resolve(String.valueOf(node));
  }

  String bootstrap() throws Exception {
    return api.get("/v1/clusters/" + clusterId).body().at("/status/bootstrap").asText();
  }

  Properties tenantClient() throws Exception {
    return TenantClient.properties(bootstrap(), key, secret);
  }

  /** The cluster as {@code stratus cluster describe} prints it. */
  String describeText() throws Exception {
    io.stratus.cli.testing.CliRun.Result result =
        io.stratus.cli.testing.CliRun.run(
            io.stratus.cli.testing.CliRun.environment(),
            "cluster",
            "describe",
            clusterId,
            "--data-dir",
            data.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.out();
  }

  /** Whether a stored object's key (relative to the cluster, or to the bucket) is the topic's. */
  static boolean isTopicObject(String key) {
    return key.startsWith(TOPIC + "-") || key.contains("/" + TOPIC + "-");
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String topicConfig(Admin admin, String topic, String name) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    return config.get(name).value();
  }

  static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    }
  }
}
