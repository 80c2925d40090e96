package io.stratus.dataplane.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.monitor.LoadMonitor;
import io.stratus.balancer.monitor.ModelResult;
import io.stratus.balancer.monitor.MonitorSettings;
import io.stratus.dataplane.substrate.TestKafka;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import io.stratus.dataplane.substrate.local.ThreeBrokerCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The load monitor against three real brokers running the load reporter plugin: a topic is written
 * and read at a different rate per partition, and the monitor's model must show those rates in
 * proportion, the replicas' sizes as Kafka reports them, and the brokers as they are. Short windows
 * (2 s, three of them) and a 1 s reporting interval keep it quick. The tests run in order and share
 * the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class LoadMonitorIT {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LoadMonitorIT.class);

  private static final String CLUSTER = "lkc-lmon01";
  private static final String TOPIC = "skewed";

  /** Records per round written to partitions 0 to 5, so their rates stand 1 : 2 : … : 6. */
  private static final int[] WEIGHTS = {1, 2, 3, 4, 5, 6};

  private static final int RECORD_BYTES = 1000;
  private static final Duration ROUND = Duration.ofMillis(100);
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final BrokerCapacity CAPACITY =
      new BrokerCapacity(100L * 1024 * 1024 * 1024, 100e6, 100e6, 1000);
  private static final MonitorSettings SETTINGS =
      MonitorSettings.defaults()
          .withWindows(3, Duration.ofSeconds(2), 3)
          .withAdminTimeout(Duration.ofSeconds(10));

  private ThreeBrokerCluster cluster;
  private LocalSubstrate substrate;
  private Admin admin;
  private LoadMonitor monitor;
  private KafkaProducer<byte[], byte[]> producer;
  private ScheduledExecutorService traffic;
  private final AtomicBoolean reading = new AtomicBoolean(true);

  @BeforeAll
  void startThreeReportingBrokersAndSkewedTraffic() throws Exception {
    cluster =
        ThreeBrokerCluster.start(
            CLUSTER,
            "stratus-load-monitor-it",
            LocalSubstrateOptions.defaults(TestKafka.home())
                .withBrokerHeapMb(256)
                .withStopGrace(GRACE)
                .withPluginDirectory(pluginsHome())
                .withLoadReportInterval(Duration.ofSeconds(1)),
            Map.of());
    substrate = cluster.substrate();
    admin = cluster.admin();

    LoadMonitor.ensureSamplesTopic(admin, MonitorSettings.DEFAULT_SAMPLES_TOPIC, 3);
    admin.createTopics(List.of(new NewTopic(TOPIC, WEIGHTS.length, (short) 2))).all().get();
    startTraffic();
    monitor = new LoadMonitor(admin, substrate.adminConfig(CLUSTER), SETTINGS, Clock.systemUTC());
  }

  @AfterAll
  void stopEverything() {
    try {
      stopTraffic();
      if (monitor != null) {
        monitor.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  @Order(1)
  void aNewMonitorHasNoModelUntilItsWindowsHaveCompleted() {
    try (var fresh =
        new LoadMonitor(admin, substrate.adminConfig(CLUSTER), SETTINGS, Clock.systemUTC())) {
      fresh.poll();

      assertThat(fresh.model(Map.of(), CAPACITY))
          .isEqualTo(new ModelResult.NotReady("collecting load samples: 0 of 3 windows"));
    }
  }

  @Test
  @Order(2)
  void ratesPerPartitionFollowTheTrafficsSkew() {
    ClusterModel model = awaitModelWithRates();

    double[] in = rates(model, PartitionModel::bytesInPerSecond);
    double[] out = rates(model, PartitionModel::bytesOutPerSecond);
    double weightSum = java.util.Arrays.stream(WEIGHTS).sum();
    double inSum = java.util.Arrays.stream(in).sum();
    double outSum = java.util.Arrays.stream(out).sum();
    for (int p = 0; p < WEIGHTS.length; p++) {
      double expectedShare = WEIGHTS[p] / weightSum;
      assertThat(in[p] / inSum)
          .as("partition %d's share of bytes in; rates %s", p, java.util.Arrays.toString(in))
          .isBetween(expectedShare * 0.8, expectedShare * 1.2);
      assertThat(out[p] / outSum)
          .as("partition %d's share of bytes out; rates %s", p, java.util.Arrays.toString(out))
          .isBetween(expectedShare * 0.7, expectedShare * 1.3);
    }
    double produced = weightSum * RECORD_BYTES * (1000.0 / ROUND.toMillis());
    log.info(
        "windowed rates of {} (B/s): in={} out={}; written {} B/s; reporters:\n{}",
        TOPIC,
        java.util.Arrays.toString(in),
        java.util.Arrays.toString(out),
        produced,
        reporterLogs());
    assertThat(inSum)
        .as("the brokers' byte counters add up to about what is written, batch headers included")
        .isBetween(produced * 0.5, produced * 1.5);
  }

  @Test
  @Order(3)
  void localSizesAreTheLeadersReplicaSizesKafkaReports() throws Exception {
    stopTraffic();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              ClusterModel model = readyModel(Map.of());
              Map<TopicPartition, Long> leaderSizes = leaderReplicaSizes();
              for (PartitionModel partition : topicPartitions(model)) {
                assertThat(partition.localBytes())
                    .as("local bytes of %s", partition.name())
                    .isEqualTo(leaderSizes.get(new TopicPartition(TOPIC, partition.partition())))
                    .isGreaterThan(0L);
              }
            });
  }

  @Test
  @Order(4)
  void brokersHaveTheirIdsOwnRacksAndTheHealthTheAgentGives() throws Exception {
    ClusterModel model = readyModel(Map.of(1, BrokerHealth.DRAINING, 7, BrokerHealth.DEAD));

    assertThat(model.brokers())
        .extracting(BrokerModel::id, BrokerModel::rack, BrokerModel::health)
        .containsExactlyInAnyOrder(
            tuple(0, "broker-0", BrokerHealth.ALIVE),
            tuple(1, "broker-1", BrokerHealth.DRAINING),
            tuple(2, "broker-2", BrokerHealth.ALIVE),
            tuple(7, "broker-7", BrokerHealth.DEAD));
    assertThat(model.partitions())
        .extracting(PartitionModel::topic)
        .as("Kafka's internal topics and the platform's are in the model too")
        .contains("__consumer_offsets", MonitorSettings.DEFAULT_SAMPLES_TOPIC);

    LoadMonitor.ensureSamplesTopic(admin, MonitorSettings.DEFAULT_SAMPLES_TOPIC, 3);
    TopicDescription samples =
        admin
            .describeTopics(List.of(MonitorSettings.DEFAULT_SAMPLES_TOPIC))
            .allTopicNames()
            .get()
            .get(MonitorSettings.DEFAULT_SAMPLES_TOPIC);
    assertThat(samples.partitions())
        .singleElement()
        .satisfies(p -> assertThat(p.replicas()).as("replicated to all three brokers").hasSize(3));
  }

  /**
   * A ready model in which every partition of the topic has rates in and out, taken once every
   * window it averages lies after the first such model: the first windows also hold the samples of
   * the traffic's start (clients connecting, leaders found), which skew a six-second measurement.
   */
  private ClusterModel awaitModelWithRates() {
    modelWithRates(Duration.ofSeconds(90));
    long steady =
        System.nanoTime()
            + SETTINGS.windowDuration().multipliedBy(SETTINGS.windowCount() + 1L).toNanos();
    await("every window in use lies after the first model with rates")
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              monitor.poll();
              return System.nanoTime() >= steady;
            });
    return modelWithRates(Duration.ofSeconds(30));
  }

  private ClusterModel modelWithRates(Duration timeout) {
    var found = new ClusterModel[1];
    await()
        .atMost(timeout)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              monitor.poll();
              ModelResult result = monitor.model(Map.of(), CAPACITY);
              assertThat(result)
                  .as(() -> "the model; reporters say:\n" + reporterLogs())
                  .isInstanceOf(ModelResult.Ready.class);
              ClusterModel model = ((ModelResult.Ready) result).model();
              assertThat(topicPartitions(model))
                  .as(() -> "rates of " + TOPIC + "; reporters say:\n" + reporterLogs())
                  .hasSize(WEIGHTS.length)
                  .allSatisfy(
                      p -> {
                        assertThat(p.bytesInPerSecond()).isPositive();
                        assertThat(p.bytesOutPerSecond()).isPositive();
                      });
              found[0] = model;
            });
    return found[0];
  }

  private ClusterModel readyModel(Map<Integer, BrokerHealth> overrides) {
    monitor.poll();
    ModelResult result = monitor.model(overrides, CAPACITY);
    assertThat(result).isInstanceOf(ModelResult.Ready.class);
    assertThat(((ModelResult.Ready) result).windows()).isEqualTo(3);
    return ((ModelResult.Ready) result).model();
  }

  private static List<PartitionModel> topicPartitions(ClusterModel model) {
    return model.partitions().stream()
        .filter(p -> p.topic().equals(TOPIC))
        .sorted(Comparator.comparingInt(PartitionModel::partition))
        .toList();
  }

  private static double[] rates(
      ClusterModel model, java.util.function.ToDoubleFunction<PartitionModel> rate) {
    return topicPartitions(model).stream().mapToDouble(rate).toArray();
  }

  /** Each partition's size on its leader, as {@code describeLogDirs} says. */
  private Map<TopicPartition, Long> leaderReplicaSizes() throws Exception {
    Map<Integer, Integer> leaders =
        admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
            .collect(Collectors.toMap(p -> p.partition(), p -> p.leader().id()));
    var sizes = new HashMap<TopicPartition, Long>();
    var dirs = admin.describeLogDirs(List.of(0, 1, 2)).allDescriptions().get();
    leaders.forEach(
        (partition, leader) -> {
          var tp = new TopicPartition(TOPIC, partition);
          dirs.get(leader).values().stream()
              .map(dir -> dir.replicaInfos().get(tp))
              .filter(info -> info != null && !info.isFuture())
              .map(ReplicaInfo::size)
              .findFirst()
              .ifPresent(size -> sizes.put(tp, size));
        });
    return sizes;
  }

  /**
   * Writes {@link #WEIGHTS} records to each partition every {@link #ROUND} and reads them all back,
   * until stopped.
   */
  private void startTraffic() {
    var config = new HashMap<>(substrate.adminConfig(CLUSTER));
    config.put("acks", "1");
    config.put("linger.ms", 5);
    config.put("compression.type", "none");
    producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    traffic = Executors.newScheduledThreadPool(2);
    byte[] value = new byte[RECORD_BYTES];
    traffic.scheduleAtFixedRate(
        () -> {
          for (int p = 0; p < WEIGHTS.length; p++) {
            for (int i = 0; i < WEIGHTS[p]; i++) {
              producer.send(new ProducerRecord<>(TOPIC, p, null, value));
            }
          }
        },
        0,
        ROUND.toMillis(),
        TimeUnit.MILLISECONDS);
    var consumerConfig = new HashMap<>(substrate.adminConfig(CLUSTER));
    consumerConfig.put("auto.offset.reset", "latest");
    // A group only so that Kafka creates its internal offsets topic, which the model must include.
    consumerConfig.put("group.id", "skewed-reader");
    consumerConfig.put("enable.auto.commit", true);
    consumerConfig.put("auto.commit.interval.ms", 1000);
    traffic.execute(
        () -> {
          try (var consumer =
              new KafkaConsumer<>(
                  consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions =
                java.util.stream.IntStream.range(0, WEIGHTS.length)
                    .mapToObj(p -> new TopicPartition(TOPIC, p))
                    .toList();
            consumer.assign(partitions);
            while (reading.get()) {
              consumer.poll(Duration.ofMillis(100));
            }
          }
        });
  }

  private void stopTraffic() {
    reading.set(false);
    if (traffic != null) {
      traffic.shutdown();
      try {
        traffic.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      traffic = null;
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
      producer = null;
    }
  }

  /** What the brokers' load reporters logged, for a failure to explain itself. */
  private String reporterLogs() {
    var report = new StringBuilder();
    for (int n = 0; n < 3; n++) {
      int node = n;
      Path log =
          cluster
              .root()
              .resolve("clusters")
              .resolve(CLUSTER)
              .resolve("nodes")
              .resolve(Integer.toString(node))
              .resolve("logs")
              .resolve("server.log");
      try (Stream<String> lines = Files.lines(log)) {
        lines
            .filter(line -> line.contains("load-reporter") || line.contains("metrics.Partition"))
            .limit(20)
            .forEach(
                line -> report.append("node ").append(node).append(": ").append(line).append('\n'));
      } catch (IOException | RuntimeException e) {
        report.append("node ").append(node).append(": no log (").append(e).append(")\n");
      }
    }
    return report.toString();
  }

  private static Path pluginsHome() {
    String value = System.getProperty("stratus.plugins.home");
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property stratus.plugins.home is not set: run the test through Maven (the"
              + " dataplane pom sets it) or pass -Dstratus.plugins.home=<repo>/"
              + "stratus-broker-plugins/target/plugin");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }
}
