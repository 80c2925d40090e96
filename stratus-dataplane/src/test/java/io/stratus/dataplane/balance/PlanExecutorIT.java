package io.stratus.dataplane.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.balancer.executor.ExecutionPhase;
import io.stratus.balancer.executor.ExecutionProgress;
import io.stratus.balancer.executor.ExecutorSettings;
import io.stratus.balancer.executor.PlanExecutor;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.PartitionMove;
import io.stratus.dataplane.substrate.TestKafka;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import io.stratus.dataplane.substrate.local.ThreeBrokerCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plan executor against a real three-broker Kafka 4.4 cluster: a plan runs to the end with
 * replicas, leaders and data as planned and no throttle left; a slow plan is stopped half-way and
 * reverted; and a plan whose executor vanishes mid-way (an agent restart) is taken over by a new
 * one and finished without leaving a throttle behind. The tests share the cluster and use their own
 * topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanExecutorIT {

  private static final String CLUSTER = "lkc-exec01";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final int RECORD_BYTES = 1000;
  private static final List<String> THROTTLE_KEYS =
      List.of(
          "leader.replication.throttled.rate",
          "follower.replication.throttled.rate",
          "leader.replication.throttled.replicas",
          "follower.replication.throttled.replicas");

  private ThreeBrokerCluster cluster;
  private LocalSubstrate substrate;
  private Map<String, Object> clientConfig;
  private Admin admin;

  @BeforeAll
  void startThreeBrokers() {
    // Small replica fetches make a throttle bite after a few kilobytes rather than after the
    // first megabyte, so that a throttled move stays in flight long enough to be observed.
    cluster =
        ThreeBrokerCluster.start(
            CLUSTER,
            "stratus-executor-it",
            LocalSubstrateOptions.defaults(TestKafka.home())
                .withBrokerHeapMb(256)
                .withStopGrace(GRACE),
            Map.of(
                "replica.fetch.max.bytes", "65536", "replica.fetch.response.max.bytes", "131072"));
    substrate = cluster.substrate();
    clientConfig = cluster.clientConfig();
    admin = cluster.admin();
  }

  @AfterAll
  void stopEverything() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void runsAPlanToTheEndWithReplicasLeadersAndDataAsPlannedAndNoThrottleLeft() throws Exception {
    String topic = "orders";
    createTopic(topic, List.of(List.of(0, 1), List.of(1, 2), List.of(2, 0), List.of(0, 1)));
    long perPartition = produce(topic, 4, 1000);
    BalancePlan plan =
        plan(
            // Moves off 0 onto 2, which leads.
            move(topic, 0, List.of(0, 1), List.of(2, 1), perPartition),
            // Moves off 1 onto 0; 2 leads.
            move(topic, 1, List.of(1, 2), List.of(2, 0), perPartition),
            // Moves off 0 onto 1; 2 keeps leading.
            move(topic, 2, List.of(2, 0), List.of(2, 1), perPartition),
            // Only the leader changes: no data is copied.
            move(topic, 3, List.of(0, 1), List.of(1, 0), 0));
    PlanExecutor executor =
        new PlanExecutor(
            admin,
            ExecutorSettings.defaults().withThrottleBytesPerSecond(10L * 1024 * 1024),
            Clock.systemUTC());
    executor.recover();

    executor.start("it-done", plan);
    tickUntilEnded(executor, Duration.ofSeconds(120));

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).as(progress.toString()).isEqualTo(ExecutionPhase.DONE);
    assertThat(progress.replicaMovesDone()).isEqualTo(3);
    assertThat(progress.leadershipMovesDone()).isEqualTo(3);
    assertThat(progress.partitionsSkipped()).isZero();
    assertThat(progress.percentDone()).isEqualTo(100);
    assertThat(progress.message()).startsWith("done in ").contains("moved 3 partitions");
    assertReplicasAndLeaders(topic, plan);
    assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();
    assertThat(throttleConfigs()).as("throttle configurations left").isEmpty();
    assertThat(count(topic, 4)).isEqualTo(4 * 1000);
  }

  @Test
  void aStoppedPlanCancelsItsMovesAndRemovesItsThrottle() throws Exception {
    String topic = "slow";
    List<List<Integer>> before = List.of(List.of(0, 1), List.of(1, 2), List.of(2, 0));
    createTopic(topic, before);
    long perPartition = produce(topic, 3, 2000);
    BalancePlan plan =
        plan(
            move(topic, 0, List.of(0, 1), List.of(0, 2), perPartition),
            move(topic, 1, List.of(1, 2), List.of(1, 0), perPartition),
            move(topic, 2, List.of(2, 0), List.of(2, 1), perPartition));
    PlanExecutor executor =
        new PlanExecutor(
            admin,
            ExecutorSettings.defaults().withThrottleBytesPerSecond(10_000),
            Clock.systemUTC());

    executor.start("it-stop", plan);
    executor.tick();

    assertThat(executor.progress().inFlightCount()).as(executor.progress().toString()).isEqualTo(3);
    assertThat(admin.listPartitionReassignments().reassignments().get()).hasSize(3);
    assertThat(throttleConfigs())
        .as("the throttle is on while the moves run")
        .contains(
            "broker 0 leader.replication.throttled.rate=10000",
            "broker 1 follower.replication.throttled.rate=10000",
            "topic slow leader.replication.throttled.replicas=0:0,0:1,1:1,1:2,2:0,2:2",
            "topic slow follower.replication.throttled.replicas=0:2,1:0,2:1");

    executor.stop();

    ExecutionProgress progress = executor.progress();
    assertThat(progress.phase()).as(progress.toString()).isEqualTo(ExecutionPhase.STOPPED);
    assertThat(progress.replicaMovesDone()).isZero();
    assertThat(progress.inFlightCount()).isZero();
    assertThat(progress.message()).contains("cancelled 3 in flight");
    assertThat(executor.running()).isFalse();
    assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(describe(topic).partitions())
                    .extracting(PlanExecutorIT::replicaIds)
                    .as("every partition is back where it was")
                    .isEqualTo(before));
    assertThat(throttleConfigs()).as("throttle configurations left").isEmpty();
    assertThat(count(topic, 3)).isEqualTo(3 * 2000);
  }

  @Test
  void aNewExecutorTakesOverMovesLeftRunningByARestartAndLeavesNoThrottle() throws Exception {
    String topic = "resume";
    createTopic(topic, List.of(List.of(0, 1), List.of(1, 2)));
    long perPartition = produce(topic, 2, 1500);
    BalancePlan plan =
        plan(
            move(topic, 0, List.of(0, 1), List.of(2, 1), perPartition),
            move(topic, 1, List.of(1, 2), List.of(0, 2), perPartition));
    ExecutorSettings settings = ExecutorSettings.defaults().withThrottleBytesPerSecond(150_000);
    PlanExecutor first = new PlanExecutor(admin, settings, Clock.systemUTC());
    first.start("it-restart", plan);
    first.tick();
    assertThat(first.progress().inFlightCount()).as(first.progress().toString()).isEqualTo(2);
    assertThat(throttleConfigs()).as("the first executor throttles its moves").isNotEmpty();

    // The agent restarts: the first executor and its admin client are simply gone.
    try (Admin restarted = Admin.create(clientConfig)) {
      PlanExecutor second = new PlanExecutor(restarted, settings, Clock.systemUTC());
      second.recover();

      ExecutionProgress adopted = second.progress();
      assertThat(adopted.planId()).isEqualTo(PlanExecutor.ADOPTED_PLAN_ID);
      assertThat(adopted.phase()).as(adopted.toString()).isEqualTo(ExecutionPhase.MOVING_REPLICAS);
      assertThat(adopted.inFlightCount()).isPositive();
      assertThat(second.running()).isTrue();

      tickUntilEnded(second, Duration.ofSeconds(180));

      ExecutionProgress progress = second.progress();
      assertThat(progress.phase()).as(progress.toString()).isEqualTo(ExecutionPhase.DONE);
    }
    assertReplicasAndLeaders(topic, plan);
    assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();
    assertThat(throttleConfigs()).as("throttle configurations left").isEmpty();
    assertThat(count(topic, 2)).isEqualTo(2 * 1500);
  }

  private static void tickUntilEnded(PlanExecutor executor, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInSameThread()
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              executor.tick();
              return !executor.running();
            });
  }

  private void assertReplicasAndLeaders(String topic, BalancePlan plan) {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              List<TopicPartitionInfo> partitions = describe(topic).partitions();
              for (PartitionMove move : plan.moves()) {
                TopicPartitionInfo info = partitions.get(move.partition());
                assertThat(replicaIds(info))
                    .as("replicas of %s", info)
                    .isEqualTo(move.newReplicas());
                assertThat(info.leader().id()).as("leader of %s", info).isEqualTo(move.newLeader());
              }
            });
  }

  /** Every replication throttle configuration set on a broker or topic, as readable lines. */
  private List<String> throttleConfigs() throws Exception {
    List<ConfigResource> resources = new ArrayList<>();
    for (Node node : admin.describeCluster().nodes().get()) {
      resources.add(new ConfigResource(ConfigResource.Type.BROKER, node.idString()));
    }
    for (String topic :
        admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get()) {
      resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
    }
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
    List<String> found = new ArrayList<>();
    configs.forEach(
        (resource, config) -> {
          for (String key : THROTTLE_KEYS) {
            ConfigEntry entry = config.get(key);
            if (entry != null
                && (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG
                    || entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                && entry.value() != null
                && !entry.value().isEmpty()) {
              found.add(
                  resource.type().name().toLowerCase(Locale.ROOT)
                      + " "
                      + resource.name()
                      + " "
                      + key
                      + "="
                      + entry.value());
            }
          }
        });
    return found;
  }

  private void createTopic(String topic, List<List<Integer>> assignment) throws Exception {
    Map<Integer, List<Integer>> replicas = new HashMap<>();
    for (int partition = 0; partition < assignment.size(); partition++) {
      replicas.put(partition, assignment.get(partition));
    }
    admin.createTopics(List.of(new NewTopic(topic, replicas))).all().get();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(describe(topic).partitions())
                    .allSatisfy(p -> assertThat(p.isr()).hasSize(p.replicas().size())));
  }

  /** Writes {@code records} records of {@value #RECORD_BYTES} bytes to each partition. */
  private long produce(String topic, int partitions, int records) throws Exception {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("acks", "all");
    config.put("linger.ms", 20);
    config.put("max.block.ms", 15000);
    config.put("delivery.timeout.ms", 60000);
    byte[] value = new byte[RECORD_BYTES];
    Arrays.fill(value, (byte) 'x');
    try (var producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < partitions; partition++) {
        for (int i = 0; i < records; i++) {
          producer.send(new ProducerRecord<>(topic, partition, null, value));
        }
      }
      producer.flush();
    }
    return (long) records * RECORD_BYTES;
  }

  private int count(String topic, int partitions) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("auto.offset.reset", "earliest");
    config.put("enable.auto.commit", false);
    List<TopicPartition> assigned = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      assigned.add(new TopicPartition(topic, partition));
    }
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      int[] read = {0};
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                read[0] += consumer.poll(Duration.ofMillis(500)).count();
                return assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
              });
      return read[0];
    }
  }

  private TopicDescription describe(String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }

  private static List<Integer> replicaIds(TopicPartitionInfo info) {
    return info.replicas().stream().map(Node::id).toList();
  }

  private static PartitionMove move(
      String topic, int partition, List<Integer> from, List<Integer> to, long localBytes) {
    long added = to.stream().filter(b -> !from.contains(b)).count();
    return new PartitionMove(topic, partition, from, to, from.get(0), localBytes * added);
  }

  private static BalancePlan plan(PartitionMove... moves) {
    long bytes = Stream.of(moves).mapToLong(PartitionMove::bytesToMove).sum();
    return new BalancePlan(List.of(moves), List.of(), Map.of(), Map.of(), bytes, 0);
  }

  /** Kills any broker this test launched that is somehow still alive; leaked JVMs are a bug. */
}
