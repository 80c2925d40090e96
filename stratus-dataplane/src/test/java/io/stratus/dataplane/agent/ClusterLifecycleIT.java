package io.stratus.dataplane.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingSpec;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterStatus;
import io.stratus.api.ClusterType;
import io.stratus.api.DesiredCluster;
import io.stratus.dataplane.agent.ClusterReconciler.Report;
import io.stratus.dataplane.balance.BalancerRuntimeSettings;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.TestKafka;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import io.stratus.dataplane.tiering.StorageUpkeep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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

/**
 * The agent's reconciler on three real Kafka 4.3.1 brokers, without the control plane: the spec is
 * changed in the test and the reconciler driven pass by pass, as the agent's loop does. A setting
 * Kafka changes live needs no restart; one it cannot rolls the nodes, and that roll, interrupted by
 * an agent restart, goes on where it stopped. Restarts and upgrades under load, through the whole
 * platform, are in the CLI's {@code LifecycleE2E}. One cluster is shared by the ordered tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLifecycleIT {

  private static final String CLUSTER = "lkc-roll01";
  private static final String TOPIC = "ledger";
  private static final int RECORDS = 2_000;
  private static final Duration CONVERGE = Duration.ofMinutes(4);

  private Path root;
  private LocalSubstrate substrate;
  private AgentIdentity identity;
  private ClusterReconciler reconciler;
  private DesiredCluster desired;
  private Admin admin;
  private final AtomicInteger maxDown = new AtomicInteger();
  private ScheduledExecutorService watch;

  @BeforeAll
  void startCluster() throws Exception {
    root = Files.createTempDirectory("stratus-lifecycle-it");
    substrate =
        new LocalSubstrate(
            root.resolve("clusters"),
            LocalSubstrateOptions.defaults(TestKafka.home())
                .withBrokerHeapMb(256)
                .withStopGrace(Duration.ofSeconds(30)));
    identity = AgentIdentity.loadOrCreate(root.resolve("agent"), "agent-it");
    reconciler = newReconciler();
    desired =
        new DesiredCluster(
            CLUSTER,
            new ClusterSpec(
                "ledger",
                ClusterType.DEDICATED,
                3,
                TestKafka.PREVIOUS_VERSION,
                Map.of(),
                new BalancingSpec(BalancingMode.OFF)),
            1,
            false,
            Instant.parse("2026-11-25T00:00:00Z"));
    converge("provisioning");
    Map<String, Object> client = new HashMap<>(substrate.adminConfig(CLUSTER));
    client.put("request.timeout.ms", 5000);
    client.put("default.api.timeout.ms", 15000);
    admin = Admin.create(client);
    admin
        .createTopics(
            List.of(new NewTopic(TOPIC, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
        .all()
        .get();
    await("leaders for " + TOPIC)
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                admin
                    .describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get()
                    .get(TOPIC)
                    .partitions()
                    .stream()
                    .allMatch(p -> p.leader() != null && p.isr().size() == 3));
    produce(0, RECORDS);
    watch = Executors.newSingleThreadScheduledExecutor();
    watch.scheduleWithFixedDelay(this::sampleDown, 0, 200, TimeUnit.MILLISECONDS);
  }

  @AfterAll
  void stopCluster() {
    if (watch != null) {
      watch.shutdownNow();
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    if (reconciler != null) {
      reconciler.close();
    }
    if (substrate != null) {
      substrate.delete(CLUSTER);
      substrate.close();
    }
    if (root != null) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  @Order(1)
  void aSettingKafkaChangesLiveIsAppliedWithoutARestart() throws Exception {
    Map<Integer, Long> before = pids();
    desired = desired.withSpec(desired.spec().withConfig(Map.of("log.retention.ms", "86400000")));

    converge("live setting");

    assertThat(pids()).as("no node restarted").isEqualTo(before);
    ConfigEntry entry = brokerConfig(0).get("log.retention.ms");
    assertThat(entry.value()).isEqualTo("86400000");
    assertThat(entry.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
  }

  @Test
  @Order(2)
  void aSettingOnlyARestartAppliesRollsTheNodesAndTheRollSurvivesAnAgentRestart() throws Exception {
    Map<Integer, Long> before = pids();
    maxDown.set(0);
    Map<String, String> config = new HashMap<>(desired.spec().config());
    config.put("group.initial.rebalance.delay.ms", "250");
    desired = desired.withSpec(desired.spec().withConfig(config));
    await("the first node restarted")
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              reconcile();
              Map<Integer, Long> now = pids();
              return now.entrySet().stream()
                  .anyMatch(e -> !e.getValue().equals(before.get(e.getKey())));
            });
    Map<Integer, Long> midway = pids();
    reconciler.close();
    reconciler = newReconciler();

    converge("resumed reconfiguration");

    Map<Integer, Long> after = pids();
    for (int node = 0; node < 3; node++) {
      assertThat(after.get(node)).as("node %d was restarted", node).isNotEqualTo(before.get(node));
      if (!midway.get(node).equals(before.get(node))) {
        assertThat(after.get(node))
            .as("node %d, restarted before the agent restart, is not restarted again", node)
            .isEqualTo(midway.get(node));
      }
    }
    for (int node = 0; node < 3; node++) {
      assertThat(brokerConfig(node).get("group.initial.rebalance.delay.ms").value())
          .as("broker %d runs with the new setting", node)
          .isEqualTo("250");
    }
    assertThat(maxDown.get()).as("brokers down at the same time").isLessThanOrEqualTo(1);
    assertThat(underReplicated()).as("under-replicated partitions after the roll").isEmpty();
    assertThat(consumeAll()).as("every record written before the roll").isEqualTo(RECORDS);
  }

  private ClusterReconciler newReconciler() {
    return new ClusterReconciler(
        substrate,
        identity,
        Duration.ofSeconds(30),
        new StorageUpkeep(Optional.empty(), Clock.systemUTC()),
        BalancerRuntimeSettings.defaults(10L << 30),
        Clock.systemUTC());
  }

  private ClusterStatus reconcile() {
    return ((Report) reconciler.reconcile(desired, Set.of(), Optional.empty())).status();
  }

  /** Reconciles until the cluster is ready with the current spec and no operation runs. */
  private ClusterStatus converge(String what) {
    ClusterStatus[] last = new ClusterStatus[1];
    await(what)
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              last[0] = reconcile();
              return last[0].phase() == ClusterPhase.READY
                  && last[0].observedVersion() == desired.resourceVersion()
                  && last[0].operation().isEmpty();
            });
    return last[0];
  }

  private void sampleDown() {
    try {
      int live = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
      maxDown.accumulateAndGet(3 - live, Math::max);
    } catch (Exception e) {
      // A sample that timed out says nothing about how many brokers are down.
    }
  }

  private Map<Integer, Long> pids() {
    Map<Integer, Long> pids = new HashMap<>();
    for (NodeProcess process : substrate.processes(CLUSTER)) {
      pids.put(process.nodeId(), process.pid().orElse(-1));
    }
    return pids;
  }

  private List<TopicPartition> underReplicated() throws Exception {
    List<TopicPartition> under = new ArrayList<>();
    Set<String> topics = admin.listTopics().names().get();
    for (Map.Entry<String, TopicDescription> topic :
        admin.describeTopics(topics).allTopicNames().get().entrySet()) {
      topic.getValue().partitions().stream()
          .filter(p -> p.isr().size() < p.replicas().size())
          .forEach(p -> under.add(new TopicPartition(topic.getKey(), p.partition())));
    }
    return under;
  }

  private Config brokerConfig(int broker) throws Exception {
    ConfigResource resource =
        new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(broker));
    return admin.describeConfigs(List.of(resource)).all().get().get(resource);
  }

  private void produce(int from, int count) throws Exception {
    Properties props = new Properties();
    props.putAll(substrate.adminConfig(CLUSTER));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = from; i < from + count; i++) {
        producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i), "record-" + i));
      }
      producer.flush();
    }
  }

  private int consumeAll() {
    Properties props = new Properties();
    props.putAll(substrate.adminConfig(CLUSTER));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    Set<String> keys = new java.util.HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < 6; p++) {
        partitions.add(new TopicPartition(TOPIC, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await("every record read")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  keys.add(record.key());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
    }
    return keys.size();
  }
}
