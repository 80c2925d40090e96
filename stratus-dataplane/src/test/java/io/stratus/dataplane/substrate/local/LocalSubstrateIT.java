package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.NodeRevision;
import io.stratus.dataplane.substrate.NodeRole;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.substrate.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One real three-node Kafka 4.4 cluster, as separate processes, taken through the life the agent
 * will give it: start, tenant traffic, a crash, a platform restart, growing, shrinking, stopping
 * and deleting. The tests run in order and share the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class LocalSubstrateIT {

  private static final String CLUSTER = "lkc-it0001";
  private static final String TOPIC = "orders";
  private static final String TENANT = "alice";
  private static final String TENANT_PASSWORD = "alice-secret";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private Path root;
  private LocalSubstrateOptions options;
  private LocalSubstrate substrate;
  private ClusterLayout layout;
  private Admin admin;
  private final Set<Long> seenPids = new HashSet<>();

  @BeforeAll
  void provisionAndStartThreeNodes() throws Exception {
    Path kafkaHome = TestKafka.home();
    root = Files.createTempDirectory("stratus-substrate-it");
    options = LocalSubstrateOptions.defaults(kafkaHome).withBrokerHeapMb(256).withStopGrace(GRACE);
    substrate = new LocalSubstrate(root.resolve("clusters"), options);
    layout = substrate.provision(new ClusterPlan(CLUSTER, 3, TestKafka.VERSION, Map.of(), true));
    for (NodeLayout node : layout.nodes()) {
      substrate.start(CLUSTER, node.nodeId());
    }
    rememberPids();
    var adminConfig = new HashMap<>(substrate.adminConfig(CLUSTER));
    adminConfig.put("request.timeout.ms", 5000);
    adminConfig.put("default.api.timeout.ms", 15000);
    admin = Admin.create(adminConfig);
  }

  @AfterAll
  void stopEverything() {
    try {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    } finally {
      try {
        if (substrate != null) {
          substrate.stopAll(GRACE);
        }
      } finally {
        killLeftovers();
        if (root != null) {
          FileOperations.deleteRecursively(root);
        }
      }
    }
  }

  @Test
  @Order(1)
  void provisionIsIdempotentAndKeepsSecretsOwnerOnly() throws Exception {
    ClusterLayout stored = substrate.layout(CLUSTER).orElseThrow();
    assertThat(substrate.provision(new ClusterPlan(CLUSTER, 5, "4.4.0", Map.of(), false)))
        .as("provisioning an existing cluster returns its layout unchanged")
        .isEqualTo(stored);
    assertThat(stored.nodes())
        .as("every started node records what it started with")
        .allSatisfy(
            node -> assertThat(node.started()).contains(new NodeRevision(TestKafka.VERSION, 0)));
    assertThat(substrate.clusters()).containsExactly(CLUSTER);
    assertThat(layout.controllers()).extracting(NodeLayout::nodeId).containsExactly(0, 1, 2);

    Path clusterDir = root.resolve("clusters").resolve(CLUSTER);
    for (Path secret :
        List.of(
            clusterDir.resolve("cluster.json"), clusterDir.resolve("nodes/0/server.properties"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .as("%s holds the internal password", secret)
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(clusterDir.resolve("nodes/0/server.properties")))
        .contains("process.roles=broker,controller");
  }

  @Test
  @Order(2)
  void allThreeBrokersRegister() {
    awaitBrokers(Set.of(0, 1, 2));
    assertThat(substrate.processes(CLUSTER))
        .extracting(NodeProcess::nodeId, NodeProcess::alive)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, true),
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, true));
  }

  @Test
  @Order(3)
  void scramTenantProducesAndConsumesOnTheClientListenerWithinItsAcls() throws Exception {
    admin
        .alterUserScramCredentials(
            List.of(
                new UserScramCredentialUpsertion(
                    TENANT,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                    TENANT_PASSWORD)))
        .all()
        .get();
    admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
    admin
        .createAcls(
            List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE).stream()
                .map(
                    operation ->
                        new AclBinding(
                            new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                            new AccessControlEntry(
                                "User:" + TENANT, "*", operation, AclPermissionType.ALLOW)))
                .toList())
        .all()
        .get();

    try (var producer = producer(TENANT, TENANT_PASSWORD)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          producer
                              .send(new ProducerRecord<>(TOPIC, 0, "k", "hello"))
                              .get()
                              .offset())
                      .isGreaterThanOrEqualTo(0));
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("not-granted", "k", "v")).get())
          .as("ACLs are enforced for tenants")
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    assertThat(consumeFirst(new TopicPartition(TOPIC, 0)).value()).isEqualTo("hello");
  }

  @Test
  @Order(4)
  void clientListenerRejectsWrongPasswordsPlainAndUnauthenticatedClients() {
    assertThatThrownBy(
            () ->
                describeVia(
                    clientConfig("SASL_PLAINTEXT", "SCRAM-SHA-512", scramJaas(TENANT, "wrong"))))
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);

    var internal = layout.internalCredentials();
    String plainJaas =
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + internal.username()
            + "\" password=\""
            + internal.password()
            + "\";";
    assertThatThrownBy(() -> describeVia(clientConfig("SASL_PLAINTEXT", "PLAIN", plainJaas)))
        .as("the internal user's PLAIN login is not accepted on the tenant listener")
        .hasRootCauseInstanceOf(AuthenticationException.class);

    assertThatThrownBy(() -> describeVia(clientConfig("PLAINTEXT", null, null)))
        .as("an unauthenticated client never gets an answer")
        .hasRootCauseInstanceOf(TimeoutException.class);
  }

  @Test
  @Order(5)
  void killedNodeIsReportedDeadAndRestartsWithItsData() throws Exception {
    Path nodeDir = root.resolve("clusters").resolve(CLUSTER).resolve("nodes/2");
    String metaBefore = Files.readString(nodeDir.resolve("data/meta.properties"));
    long pid = pidOf(2);

    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(substrate.processes(CLUSTER).get(2)).isEqualTo(NodeProcess.stopped(2)));
    assertThat(nodeDir.resolve("node.pid")).as("stale pid file is removed").doesNotExist();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(fencedBrokers()).as("controller fences the dead broker").contains(2));
    try (var producer = producer(TENANT, TENANT_PASSWORD)) {
      producer.send(new ProducerRecord<>(TOPIC, 0, "k", "while-2-was-down")).get();
    }

    substrate.start(CLUSTER, 2);
    rememberPids();

    assertThat(pidOf(2)).isNotEqualTo(pid);
    assertThat(Files.readString(nodeDir.resolve("data/meta.properties")))
        .as("same storage, same directory id")
        .isEqualTo(metaBefore);
    await()
        .atMost(STARTUP)
        .untilAsserted(
            () -> {
              assertThat(fencedBrokers()).doesNotContain(2);
              assertThat(inSyncReplicas(TOPIC))
                  .as("node 2 caught up on every partition")
                  .allSatisfy(isr -> assertThat(isr).contains(2));
            });
  }

  @Test
  @Order(6)
  void aNewSubstrateOnTheSameRootAdoptsTheRunningNodes() {
    List<NodeProcess> before = substrate.processes(CLUSTER);
    ClusterLayout stored = substrate.layout(CLUSTER).orElseThrow();
    // Not closed: closing a substrate stops its nodes, and these belong to the test's substrate.
    var restarted = new LocalSubstrate(root.resolve("clusters"), options);

    assertThat(restarted.processes(CLUSTER)).isEqualTo(before).allMatch(NodeProcess::alive);
    for (NodeProcess node : before) {
      restarted.start(CLUSTER, node.nodeId());
    }
    assertThat(restarted.processes(CLUSTER))
        .as("start adopts, it does not relaunch")
        .isEqualTo(before);
    assertThat(restarted.layout(CLUSTER)).contains(stored);
  }

  @Test
  @Order(7)
  void anAddedBrokerJoinsAndARemovedOneLeaves() throws Exception {
    NodeLayout added = substrate.addBroker(CLUSTER);

    assertThat(added.nodeId()).isEqualTo(3);
    assertThat(added.roles()).containsExactly(NodeRole.BROKER);
    assertThat(added.controllerPort()).isZero();
    assertThat(substrate.layout(CLUSTER).orElseThrow().bootstrap())
        .contains(":" + added.clientPort());

    substrate.start(CLUSTER, 3);
    rememberPids();
    awaitBrokers(Set.of(0, 1, 2, 3));
    assertThatThrownBy(() -> substrate.removeNode(CLUSTER, 3))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("stop it before removing it");
    assertThatThrownBy(() -> substrate.removeNode(CLUSTER, 0))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("controller");

    substrate.stop(CLUSTER, 3, GRACE);
    assertThat(substrate.processes(CLUSTER).get(3)).isEqualTo(NodeProcess.stopped(3));
    admin.unregisterBroker(3).all().get();
    substrate.removeNode(CLUSTER, 3);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(allBrokers()).containsExactlyInAnyOrder(0, 1, 2));
    assertThat(substrate.layout(CLUSTER).orElseThrow().nodes())
        .extracting(NodeLayout::nodeId)
        .containsExactly(0, 1, 2);
    assertThat(root.resolve("clusters").resolve(CLUSTER).resolve("nodes/3")).doesNotExist();
  }

  @Test
  @Order(8)
  void stopAllLeavesNoProcess() {
    Set<Long> pids =
        substrate.processes(CLUSTER).stream()
            .map(node -> node.pid().orElseThrow())
            .collect(Collectors.toSet());

    substrate.stopAll(GRACE);

    assertThat(pids)
        .hasSize(3)
        .allSatisfy(
            pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .as("pid %d", pid)
                    .isNotEqualTo(java.util.Optional.of(true)));
    assertThat(substrate.processes(CLUSTER)).noneMatch(NodeProcess::alive);
  }

  @Test
  @Order(9)
  void deleteRemovesEverything() {
    substrate.delete(CLUSTER);

    assertThat(root.resolve("clusters").resolve(CLUSTER)).doesNotExist();
    assertThat(substrate.clusters()).isEmpty();
    assertThat(substrate.layout(CLUSTER)).isEmpty();
  }

  private void awaitBrokers(Set<Integer> ids) {
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        admin.describeCluster().nodes().get().stream()
                            .map(Node::id)
                            .collect(Collectors.toSet()))
                    .as(() -> "registered brokers; the nodes say:\n" + nodeReports(ids))
                    .isEqualTo(ids));
  }

  /** Each node's process state and the end of its logs, for a failure to explain itself. */
  private String nodeReports(Set<Integer> ids) {
    StringBuilder report = new StringBuilder();
    for (NodeProcess process : substrate.processes(CLUSTER)) {
      if (!ids.contains(process.nodeId())) {
        continue;
      }
      Path logs =
          root.resolve("clusters")
              .resolve(CLUSTER)
              .resolve("nodes")
              .resolve(String.valueOf(process.nodeId()))
              .resolve("logs");
      report
          .append("node ")
          .append(process.nodeId())
          .append(" alive=")
          .append(process.alive())
          .append('\n')
          .append(tail(logs.resolve("stdout.log"), 10))
          .append(tail(logs.resolve("server.log"), 25));
    }
    return report.toString();
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException | RuntimeException e) {
      return "(no " + file.getFileName() + ": " + e.getMessage() + ")\n";
    }
  }

  private Set<Integer> fencedBrokers() throws Exception {
    return brokers(true).stream().filter(Node::isFenced).map(Node::id).collect(Collectors.toSet());
  }

  private Set<Integer> allBrokers() throws Exception {
    return brokers(true).stream().map(Node::id).collect(Collectors.toSet());
  }

  private Collection<Node> brokers(boolean includeFenced) throws Exception {
    return admin
        .describeCluster(new DescribeClusterOptions().includeFencedBrokers(includeFenced))
        .nodes()
        .get();
  }

  private List<Set<Integer>> inSyncReplicas(String topic) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .stream()
        .map(TopicPartitionInfo::isr)
        .map(isr -> isr.stream().map(Node::id).collect(Collectors.toSet()))
        .toList();
  }

  private long pidOf(int nodeId) {
    return substrate.processes(CLUSTER).stream()
        .filter(node -> node.nodeId() == nodeId)
        .findFirst()
        .orElseThrow()
        .pid()
        .orElseThrow(() -> new AssertionError("node " + nodeId + " is not running"));
  }

  private void rememberPids() {
    substrate.processes(CLUSTER).forEach(node -> node.pid().ifPresent(seenPids::add));
  }

  /** Kills any broker this test launched that is somehow still alive; leaked JVMs are a bug. */
  private void killLeftovers() {
    for (long pid : seenPids) {
      ProcessHandle.of(pid)
          .filter(
              process ->
                  process
                      .info()
                      .commandLine()
                      .map(line -> line.contains(root.toString()))
                      .orElse(false))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private Map<String, Object> clientConfig(String protocol, String mechanism, String jaas) {
    var config = new HashMap<String, Object>();
    config.put("bootstrap.servers", layout.bootstrap());
    config.put("security.protocol", protocol);
    if (mechanism != null) {
      config.put("sasl.mechanism", mechanism);
      config.put("sasl.jaas.config", jaas);
    }
    config.put("request.timeout.ms", 3000);
    config.put("default.api.timeout.ms", 6000);
    config.put("reconnect.backoff.max.ms", 500);
    return config;
  }

  private static String scramJaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private void describeVia(Map<String, Object> config)
      throws ExecutionException, InterruptedException {
    try (Admin client = Admin.create(config)) {
      client.describeCluster().nodes().get();
    }
  }

  private KafkaProducer<String, String> producer(String user, String password) {
    var config = clientConfig("SASL_PLAINTEXT", "SCRAM-SHA-512", scramJaas(user, password));
    config.put("acks", "all");
    config.put("max.block.ms", 10000);
    config.put("delivery.timeout.ms", 15000);
    config.put("request.timeout.ms", 5000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private ConsumerRecord<String, String> consumeFirst(TopicPartition partition) {
    var config =
        clientConfig("SASL_PLAINTEXT", "SCRAM-SHA-512", scramJaas(TENANT, TENANT_PASSWORD));
    config.put("auto.offset.reset", "earliest");
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      var received = new java.util.ArrayList<ConsumerRecord<String, String>>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
              });
      return received.get(0);
    }
  }
}
