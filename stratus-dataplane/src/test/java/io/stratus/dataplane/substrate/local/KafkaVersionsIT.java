package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.balancer.monitor.LoadMonitor;
import io.stratus.balancer.monitor.MonitorSettings;
import io.stratus.dataplane.kafka.ClusterAdmin;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.TestKafka;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oldest supported Kafka version, 4.3.1, runs on the local substrate with everything the
 * platform gives a tenant broker (SASL listeners, ACLs, the load reporter on its classpath, the
 * tiered-storage plugin) and answers the calls the agent makes (tenant keys, tiering, cordoning).
 * The newest version, 4.4.0, is what every other integration test runs. One single-broker cluster,
 * shared by tests that run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class KafkaVersionsIT {

  private static final Logger log = LoggerFactory.getLogger(KafkaVersionsIT.class);

  private static final String VERSION = TestKafka.PREVIOUS_VERSION;

  /**
   * {@code metadata.version} 4.3-IV0: Kafka 4.3's newest production level, so the one a new 4.3.1
   * cluster is formatted at. Kafka 4.4.0's is 4.4-IV2, level 33.
   */
  private static final short METADATA_VERSION_4_3_IV0 = 30;

  private static final String CLUSTER = "lkc-v431it";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final int SEGMENT_BYTES = 1024 * 1024;

  private Path root;
  private LocalSubstrate substrate;
  private ClusterLayout layout;
  private Map<String, Object> internalClient;
  private Admin admin;
  private ClusterAdmin clusterAdmin;
  private final Set<Long> pids = new HashSet<>();

  @BeforeAll
  void provisionAndStartOneBroker() throws IOException {
    Path kafkaHome = TestKafka.home();
    assertThat(kafkaHome.resolve(VERSION).resolve("libs"))
        .as("the Kafka %s runtime; build stratus-kafka-dist", VERSION)
        .isDirectory();
    Path plugins = pluginsHome();
    root = Files.createTempDirectory("stratus-kafka-versions-it");
    var tiered =
        new TieredStorageSettings(
            plugins,
            new ObjectStoreLocation.Directory(root.resolve("objects")),
            Optional.empty(),
            64L * 1024 * 1024);
    var options =
        LocalSubstrateOptions.defaults(kafkaHome)
            .withBrokerHeapMb(256)
            .withStopGrace(GRACE)
            .withTieredStorage(tiered)
            .withPluginDirectory(plugins)
            .withLoadReportInterval(Duration.ofSeconds(1));
    substrate = new LocalSubstrate(root.resolve("clusters"), options);
    layout = substrate.provision(new ClusterPlan(CLUSTER, 1, VERSION, Map.of(), true));
    substrate.start(CLUSTER, 0);
    substrate.processes(CLUSTER).forEach(node -> node.pid().ifPresent(pids::add));

    var client = new HashMap<>(substrate.adminConfig(CLUSTER));
    client.put("request.timeout.ms", 5000);
    client.put("default.api.timeout.ms", 15000);
    internalClient = Map.copyOf(client);
    admin = Admin.create(internalClient);
    clusterAdmin = new ClusterAdmin(substrate.adminConfig(CLUSTER));
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(admin.describeCluster().nodes().get())
                    .as(() -> "registered brokers; server.log ends:\n" + serverLogTail())
                    .extracting(Node::id)
                    .containsExactly(0));
  }

  @AfterAll
  void stopEverything() {
    try {
      if (clusterAdmin != null) {
        clusterAdmin.close();
      }
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    } finally {
      try {
        if (substrate != null) {
          substrate.stopAll(GRACE);
        }
      } finally {
        for (long pid : pids) {
          ProcessHandle.of(pid)
              .filter(
                  p -> p.info().commandLine().map(l -> l.contains(root.toString())).orElse(false))
              .ifPresent(ProcessHandle::destroyForcibly);
        }
        if (root != null) {
          FileOperations.deleteRecursively(root);
        }
      }
    }
  }

  @Test
  @Order(1)
  void theBrokerRunsKafka431AtItsNewestMetadataVersion() throws Exception {
    assertThat(Files.readString(serverLog()))
        .as("the broker's own report of its version, in server.log")
        .contains("Kafka version: " + VERSION);

    FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
    var finalized = features.finalizedFeatures().get("metadata.version");
    var supported = features.supportedFeatures().get("metadata.version");
    log.info(
        "[cluster={}] Kafka {}: metadata.version finalized level {}, supported levels {} to {}",
        CLUSTER,
        VERSION,
        finalized.maxVersionLevel(),
        supported.minVersion(),
        supported.maxVersion());
    assertThat(finalized.maxVersionLevel())
        .as("finalized metadata.version: 4.3-IV0, below 4.4.0's 4.4-IV2 (33)")
        .isEqualTo(METADATA_VERSION_4_3_IV0);
    assertThat(supported.maxVersion())
        .as("newest metadata.version the broker supports")
        .isEqualTo(METADATA_VERSION_4_3_IV0);
  }

  @Test
  @Order(2)
  void recordsRoundTripThroughTheInternalListener() throws Exception {
    String topic = "orders";
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

    try (var producer = producer(internalClient)) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
      }
    }

    assertThat(consume(internalClient, new TopicPartition(topic, 0), 3))
        .extracting(ConsumerRecord::value)
        .containsExactly("v0", "v1", "v2");
  }

  @Test
  @Order(3)
  void aTenantKeyProducesAndConsumesWithScramOnTheClientListener() {
    String key = "tenant-key";
    clusterAdmin.upsertTenantKey(key, "tenant-secret");
    var tenant = new HashMap<String, Object>();
    tenant.put("bootstrap.servers", layout.bootstrap());
    tenant.put("security.protocol", "SASL_PLAINTEXT");
    tenant.put("sasl.mechanism", "SCRAM-SHA-512");
    tenant.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + key
            + "\" password=\"tenant-secret\";");
    tenant.put("request.timeout.ms", 5000);
    tenant.put("default.api.timeout.ms", 15000);
    var partition = new TopicPartition("payments", 0);

    try (var producer = producer(tenant)) {
      // SCRAM credentials and ACLs reach the broker through the metadata log, shortly.
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          producer
                              .send(new ProducerRecord<>("payments", 0, "k", "paid"))
                              .get()
                              .offset())
                      .isNotNegative());
    }

    assertThat(consume(tenant, partition, 1)).extracting(ConsumerRecord::value).contains("paid");
  }

  @Test
  @Order(4)
  void theLoadReporterPublishesSamplesOfHostedPartitions() {
    String samples = MonitorSettings.DEFAULT_SAMPLES_TOPIC;
    LoadMonitor.ensureSamplesTopic(admin, samples, 1);

    assertThat(consume(internalClient, new TopicPartition(samples, 0), 1))
        .as("samples broker 0 published, which name the partition it hosts")
        .anySatisfy(
            sample -> {
              assertThat(sample.key()).isEqualTo("0");
              assertThat(sample.value()).contains("\"topic\":\"orders\"");
            });
  }

  @Test
  @Order(5)
  void closedSegmentsOfATieredTopicReachTheObjectStore() throws Exception {
    String topic = "history";
    admin
        .createTopics(
            List.of(
                new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("segment.bytes", Integer.toString(SEGMENT_BYTES)))))
        .all()
        .get();
    clusterAdmin.enableRemoteStorage(Set.of(topic));

    String value = "x".repeat(1000);
    try (var producer = producer(internalClient)) {
      var sends = new ArrayList<Future<RecordMetadata>>();
      for (int i = 0; i < 3 * SEGMENT_BYTES / value.length(); i++) {
        sends.add(producer.send(new ProducerRecord<>(topic, value)));
      }
      for (var sent : sends) {
        sent.get();
      }
    }

    var partition = new TopicPartition(topic, 0);
    Path objects =
        root.resolve("objects").resolve(TieredStorageSettings.keyPrefix(CLUSTER)).normalize();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(
                      admin
                          .listOffsets(Map.of(partition, OffsetSpec.latestTiered()))
                          .partitionResult(partition)
                          .get()
                          .offset())
                  .as(() -> "Kafka's latest tiered offset; server.log ends:\n" + serverLogTail())
                  .isNotNegative();
              assertThat(regularFiles(objects)).as("objects in %s", objects).isPositive();
            });
  }

  @Test
  @Order(6)
  void aBrokerCanBeCordonedAndUncordoned() {
    clusterAdmin.cordon(0);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(clusterAdmin.cordoned(Set.of(0))).containsExactly(0));

    clusterAdmin.uncordon(0);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(clusterAdmin.cordoned(Set.of(0))).isEmpty());
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> client) {
    var config = new HashMap<>(client);
    config.put("acks", "all");
    config.put("max.block.ms", 10000);
    config.put("delivery.timeout.ms", 30000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** At least {@code count} records of one partition, from its start. */
  private static List<ConsumerRecord<String, String>> consume(
      Map<String, Object> client, TopicPartition partition, int count) {
    try (var consumer =
        new KafkaConsumer<>(client, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      var received = new ArrayList<ConsumerRecord<String, String>>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.size() >= count;
              });
      return received;
    }
  }

  private static long regularFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private Path serverLog() {
    return root.resolve("clusters").resolve(CLUSTER).resolve("nodes/0/logs/server.log");
  }

  private String serverLogTail() {
    try {
      List<String> lines = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no server.log: " + e.getMessage() + ")";
    }
  }

  private static Path pluginsHome() {
    String value = System.getProperty("stratus.plugins.home");
    assertThat(value)
        .as(
            "system property stratus.plugins.home: run the test through Maven (the dataplane pom"
                + " sets it) or pass -Dstratus.plugins.home=<repo>/stratus-broker-plugins/target/plugin")
        .isNotBlank();
    return Path.of(value).toAbsolutePath().normalize();
  }
}
