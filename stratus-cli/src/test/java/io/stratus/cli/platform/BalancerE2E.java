package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.cli.testing.CliRun;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
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
 * Self-balancing as a user meets it: a 3-broker cluster with a skewed placement and skewed traffic
 * grows to 4 brokers and the new broker takes its share of replicas, leaders and bytes; it shrinks
 * back to 3 and the broker that leaves is drained to zero replicas before its process stops. A
 * producer (idempotent, acks=all) writes throughout, and every acknowledged record is read back;
 * growing and shrinking also run as lifecycle operations under {@link OperationUnderLoad}'s load
 * (no record lost or read twice, at most one broker down, no under-replicated partition). The steps
 * build on each other and share one platform, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancerE2E {

  private static final String SKEWED = "skewed";
  private static final String SPREAD = "spread";
  private static final int SKEWED_PARTITIONS = 12;
  private static final int SPREAD_PARTITIONS = 6;
  private static final int VALUE_BYTES = 1000;
  private static final Duration CONVERGE = Duration.ofMinutes(5);

  @TempDir static Path temp;
  private Path data;
  private PlatformProcess platform;
  private RestClient api;
  private String clusterId;
  private String key;
  private String secret;

  private final AtomicBoolean producing = new AtomicBoolean(true);
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final BitSet acked = new BitSet();
  private final AtomicLong sent = new AtomicLong();
  private Thread producer;

  @BeforeAll
  void startPlatformAndSkewedCluster() throws Exception {
    data = temp.resolve("data");
    platform = new PlatformProcess(data, freePort());
    platform.startAndAwaitHealthy();
    api = new RestClient(platform.apiUrl(), platform.adminKey());
    RestClient.Answer created =
        api.post(
            "/v1/clusters",
            "{\"name\":\"balanced\",\"type\":\"dedicated\",\"brokers\":3,"
                + "\"balancing\":{\"mode\":\"empty-broker\"}}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    clusterId = created.body().path("id").asText();
    api.awaitReady(clusterId, 3, created.body().path("resourceVersion").asLong(), CONVERGE);
    TenantClient.Key apiKey = TenantClient.issueKey(api, clusterId);
    key = apiKey.key();
    secret = apiKey.secret();
    try (Admin admin = Admin.create(tenantClient())) {
      // Every replica of the skewed topic on brokers 0 and 1, every leader on broker 0.
      Map<Integer, List<Integer>> skewed = new HashMap<>();
      for (int p = 0; p < SKEWED_PARTITIONS; p++) {
        skewed.put(p, List.of(0, 1));
      }
      admin
          .createTopics(
              List.of(
                  new NewTopic(SKEWED, skewed), new NewTopic(SPREAD, SPREAD_PARTITIONS, (short) 3)))
          .all()
          .get();
      // Writes start once every partition has its leader and full ISR, so the test measures the
      // balancer, not a producer racing the topics' creation.
      await("both topics' leaders are elected with full ISRs")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                for (TopicDescription topic : tenantTopics(admin)) {
                  for (TopicPartitionInfo partition : topic.partitions()) {
                    assertThat(partition.leader()).isNotNull();
                    assertThat(partition.isr()).hasSameSizeAs(partition.replicas());
                  }
                }
              });
    }
    producer = new Thread(this::produceUntilStopped, "balancer-e2e-producer");
    producer.start();
    await("the producer has written a first 20 MB")
        .atMost(Duration.ofMinutes(2))
        .until(() -> ackedCount() >= 20_000);
  }

  @AfterAll
  void stopPlatform() throws Exception {
    producing.set(false);
    if (producer != null) {
      producer.join(Duration.ofMinutes(2).toMillis());
    }
    if (platform != null && platform.isAlive()) {
      platform.stop();
    }
  }

  @Test
  @Order(1)
  void theBalanceReportShowsTheSkew() throws Exception {
    JsonNode balance =
        await("the agent reports the balance of the skewed cluster")
            .atMost(CONVERGE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> api.get("/v1/clusters/" + clusterId + "/balance").body(),
                b -> b.path("brokers").size() == 3 && replicasOf(b, 0) > 0);
    System.out.printf("balance before growing: %s%n", balance);
    assertThat(replicasOf(balance, 0))
        .as("broker 0 holds every skewed replica and a third of the rest")
        .isGreaterThan(replicasOf(balance, 2));
  }

  @Test
  @Order(2)
  void aFourthBrokerTakesItsShareOfReplicasLeadersAndBytes() throws Exception {
    api.awaitIdle(clusterId, CONVERGE);
    long started = System.nanoTime();
    operations()
        .run(
            "expand 3 -> 4",
            "expand",
            3,
            4,
            () -> accepted(api.patch("/v1/clusters/" + clusterId, "{\"brokers\":4}", null)));
    JsonNode balance =
        await("the balancer moves load onto broker 3 and finishes")
            .atMost(CONVERGE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> api.get("/v1/clusters/" + clusterId + "/balance").body(),
                b ->
                    b.at("/lastPlan/trigger").asText().contains("broker 3 added")
                        && b.at("/progress/finishedAt").isTextual()
                        && !b.path("state").asText().equals("MOVING"));
    System.out.printf(
        "grew to 4 brokers and balanced in %.0fs; balance: %s%n",
        (System.nanoTime() - started) / 1e9, balance);
    try (Admin admin = Admin.create(InternalClient.properties(data, clusterId))) {
      awaitNoUnderReplicatedPartition(admin);
      Map<Integer, Integer> replicas = new TreeMap<>();
      Map<Integer, Integer> leaders = new TreeMap<>();
      for (TopicDescription topic : tenantTopics(admin)) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          partition.replicas().forEach(n -> replicas.merge(n.id(), 1, Integer::sum));
          leaders.merge(partition.leader().id(), 1, Integer::sum);
        }
      }
      Map<Integer, Long> bytes = localBytes(admin);
      System.out.printf(
          "after growing: replicas %s, leaders %s, local bytes %s%n", replicas, leaders, bytes);
      int totalReplicas = replicas.values().stream().mapToInt(Integer::intValue).sum();
      int totalLeaders = leaders.values().stream().mapToInt(Integer::intValue).sum();
      long totalBytes = bytes.values().stream().mapToLong(Long::longValue).sum();
      assertThat(replicas.getOrDefault(3, 0))
          .as("broker 3's replicas, of %d on 4 brokers", totalReplicas)
          .isGreaterThanOrEqualTo(totalReplicas / 4 * 8 / 10);
      assertThat(leaders.getOrDefault(3, 0))
          .as("broker 3's leaders, of %d on 4 brokers", totalLeaders)
          .isGreaterThanOrEqualTo(totalLeaders / 4 * 8 / 10);
      assertThat(bytes.getOrDefault(3, 0L))
          .as("broker 3's local bytes, of %d on 4 brokers", totalBytes)
          .isGreaterThanOrEqualTo(totalBytes / 4 * 6 / 10);
      assertThat(replicas.values())
          .as("no broker far above its share after balancing")
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(totalReplicas / 4 * 12 / 10 + 1));
    }
  }

  @Test
  @Order(3)
  void theCliShowsTheBalanceAndADryRunPlan() throws Exception {
    CliRun.Result shown =
        CliRun.run(
            CliRun.environment(), "cluster", "balance", clusterId, "--data-dir", data.toString());
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    System.out.println(shown.out());
    assertThat(shown.out())
        .contains("BROKER", "REPLICAS", "LEADERS", "RackAwareness", "Last plan:", "broker 3 added");

    CliRun.Result dryRun =
        CliRun.run(
            CliRun.environment(),
            "cluster",
            "balance",
            clusterId,
            "--dry-run",
            "--data-dir",
            data.toString());
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    System.out.println(dryRun.out());
    assertThat(dryRun.out()).containsIgnoringCase("dry run");
  }

  @Test
  @Order(4)
  void shrinkingDrainsTheLeavingBrokerToZeroBeforeItStops() throws Exception {
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicLong lastSeenReplicas = new AtomicLong(-1);
    AtomicBoolean watching = new AtomicBoolean(true);
    AtomicBoolean cordoned = new AtomicBoolean();
    Thread watcher =
        new Thread(
            () -> watchLeavingBroker(3, watching, lastSeenReplicas, cordoned, violations),
            "balancer-e2e-drain-watch");
    watcher.start();
    api.awaitIdle(clusterId, CONVERGE);
    long started = System.nanoTime();
    try {
      operations()
          .run(
              "shrink 4 -> 3",
              "shrink",
              4,
              3,
              () -> accepted(api.patch("/v1/clusters/" + clusterId, "{\"brokers\":3}", null)));
    } finally {
      watching.set(false);
      watcher.join();
    }
    System.out.printf("shrank to 3 brokers in %.0fs%n", (System.nanoTime() - started) / 1e9);
    assertThat(violations).as("broker 3 left while it still held replicas").isEmpty();
    assertThat(cordoned).as("broker 3 was cordoned while it was drained").isTrue();
    assertThat(lastSeenReplicas.get())
        .as("broker 3's replica count the last time it was seen registered")
        .isZero();
    try (Admin admin = Admin.create(InternalClient.properties(data, clusterId))) {
      awaitNoUnderReplicatedPartition(admin);
      for (TopicDescription topic : tenantTopics(admin)) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          assertThat(partition.replicas()).extracting(Node::id).doesNotContain(3);
        }
      }
    }
  }

  @Test
  @Order(5)
  void everyAcknowledgedRecordIsReadBack() throws Exception {
    producing.set(false);
    producer.join(Duration.ofMinutes(2).toMillis());
    assertThat(sendFailure.get()).as("a send failed after retries").isNull();
    BitSet read = new BitSet();
    long duplicates = 0;
    Properties config = tenantClient();
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < SKEWED_PARTITIONS; p++) {
        partitions.add(new TopicPartition(SKEWED, p));
      }
      for (int p = 0; p < SPREAD_PARTITIONS; p++) {
        partitions.add(new TopicPartition(SPREAD, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read both topics to their end").isLessThan(deadline);
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          int i = Integer.parseInt(record.key().substring(1));
          if (read.get(i)) {
            duplicates++;
          }
          read.set(i);
        }
      }
    }
    BitSet lost;
    synchronized (acked) {
      lost = (BitSet) acked.clone();
    }
    lost.andNot(read);
    System.out.printf(
        "sent %d, acknowledged %d, read %d distinct, %d duplicates, %d lost%n",
        sent.get(), ackedCount(), read.cardinality(), duplicates, lost.cardinality());
    assertThat(lost.cardinality()).as("acknowledged records not read back").isZero();
    assertThat(duplicates).as("records read twice (the producer is idempotent)").isZero();
  }

  // ---- helpers ----

  private void produceUntilStopped() {
    Properties config;
    try {
      config = tenantClient();
    } catch (Exception e) {
      sendFailure.set(e);
      return;
    }
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    String filler = "x".repeat(VALUE_BYTES);
    try (KafkaProducer<String, String> kafka =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      kafka.partitionsFor(SKEWED);
      kafka.partitionsFor(SPREAD);
      int i = 0;
      while (producing.get()) {
        final int sequence = i++;
        // Four in five records to the skewed topic, so its leader on broker 0 is the hot spot.
        String topic = sequence % 5 == 0 ? SPREAD : SKEWED;
        kafka.send(
            new ProducerRecord<>(topic, "k" + sequence, filler),
            (metadata, error) -> {
              if (error != null) {
                sendFailure.compareAndSet(null, error);
              } else {
                synchronized (acked) {
                  acked.set(sequence);
                }
              }
            });
        sent.incrementAndGet();
        if (sequence % 200 == 199) {
          // About 1 MB/s once the first 20 MB are in: steady traffic, not a flood.
          kafka.flush();
          if (ackedCount() >= 20_000) {
            Thread.sleep(200);
          }
        }
      }
      kafka.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      sendFailure.compareAndSet(null, e);
    }
  }

  private long ackedCount() {
    synchronized (acked) {
      return acked.cardinality();
    }
  }

  /**
   * Polls Kafka's view of the leaving broker until told to stop: a violation is the broker gone
   * from the registered brokers while partitions still list it as a replica.
   */
  private void watchLeavingBroker(
      int broker,
      AtomicBoolean watching,
      AtomicLong lastSeenReplicas,
      AtomicBoolean cordoned,
      ConcurrentLinkedQueue<String> violations) {
    try (Admin admin = Admin.create(InternalClient.properties(data, clusterId))) {
      while (watching.get()) {
        try {
          Set<Integer> registered =
              admin.describeCluster().nodes().get().stream()
                  .map(Node::id)
                  .collect(java.util.stream.Collectors.toSet());
          long hosted =
              tenantTopics(admin).stream()
                  .flatMap(t -> t.partitions().stream())
                  .filter(p -> p.replicas().stream().anyMatch(n -> n.id() == broker))
                  .count();
          if (registered.contains(broker)) {
            lastSeenReplicas.set(hosted);
            ConfigResource resource =
                new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(broker));
            ConfigEntry cordon =
                admin
                    .describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get("cordoned.log.dirs");
            if (cordon != null && "*".equals(cordon.value())) {
              cordoned.set(true);
            }
          } else if (hosted > 0) {
            violations.add("broker " + broker + " unregistered with " + hosted + " replicas");
          }
        } catch (Exception e) {
          // The cluster is changing under us; the next poll looks again.
        }
        Thread.sleep(500);
      }
    } catch (Exception e) {
      violations.add("watching failed: " + e);
    }
  }

  private void awaitNoUnderReplicatedPartition(Admin admin) {
    await("no under-replicated partition")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (TopicDescription topic : tenantTopics(admin)) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                  assertThat(partition.isr())
                      .as("ISR of %s-%d", topic.name(), partition.partition())
                      .hasSameSizeAs(partition.replicas());
                }
              }
              assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();
            });
  }

  private static List<TopicDescription> tenantTopics(Admin admin) throws Exception {
    return List.copyOf(
        admin.describeTopics(List.of(SKEWED, SPREAD)).allTopicNames().get().values());
  }

  private static Map<Integer, Long> localBytes(Admin admin) throws Exception {
    List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
    Map<Integer, Long> bytes = new TreeMap<>();
    admin
        .describeLogDirs(brokers)
        .allDescriptions()
        .get()
        .forEach(
            (broker, dirs) ->
                bytes.put(
                    broker,
                    dirs.values().stream()
                        .flatMap(d -> d.replicaInfos().entrySet().stream())
                        .filter(
                            e ->
                                e.getKey().topic().equals(SKEWED)
                                    || e.getKey().topic().equals(SPREAD))
                        .map(Map.Entry::getValue)
                        .filter(r -> !r.isFuture())
                        .mapToLong(ReplicaInfo::size)
                        .sum()));
    return bytes;
  }

  private static int replicasOf(JsonNode balance, int broker) {
    for (JsonNode b : balance.path("brokers")) {
      if (b.path("id").asInt() == broker) {
        return b.path("replicas").asInt();
      }
    }
    return -1;
  }

  private String bootstrap() throws Exception {
    return api.get("/v1/clusters/" + clusterId).body().at("/status/bootstrap").asText();
  }

  /**
   * Growing and shrinking under a second, RF 3 and min.insync.replicas=2 load, as lifecycle
   * operations.
   */
  private OperationUnderLoad operations() throws Exception {
    return new OperationUnderLoad(
        api, clusterId, tenantClient(), InternalClient.properties(data, clusterId), CONVERGE);
  }

  private static long accepted(RestClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    return answer.body().path("resourceVersion").asLong();
  }

  private Properties tenantClient() throws Exception {
    return TenantClient.properties(bootstrap(), key, secret);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
