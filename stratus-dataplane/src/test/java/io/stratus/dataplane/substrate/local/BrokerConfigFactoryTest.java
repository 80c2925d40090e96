package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.LoadReporterSettings;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.substrate.TestLayouts;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerConfigFactoryTest {

  private static final Path DATA = Path.of("/data/lkc-abc123/nodes/0/data");
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"stratus-internal\" password=\"s3cr3t-Password_x\""
          + " user_stratus-internal=\"s3cr3t-Password_x\";";

  private final ClusterLayout layout = TestLayouts.fourNodes(true);

  @Test
  void combinedNodeRunsBrokerAndControllerWithThreeListeners() {
    var config = BrokerConfigFactory.nodeConfig(layout, layout.node(1).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry("node.id", "1")
        .containsEntry("process.roles", "broker,controller")
        .containsEntry(
            "controller.quorum.voters", "0@127.0.0.1:9300,1@127.0.0.1:9301,2@127.0.0.1:9302")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry(
            "listeners",
            "CLIENT://127.0.0.1:9101,INTERNAL://127.0.0.1:9201,CONTROLLER://127.0.0.1:9301")
        .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:9101,INTERNAL://127.0.0.1:9201")
        .containsEntry("inter.broker.listener.name", "INTERNAL")
        .containsEntry(
            "listener.security.protocol.map",
            "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
        .containsEntry("log.dirs", DATA.toString());
  }

  @Test
  void brokerOnlyNodeHasNoControllerListenerButKnowsTheQuorum() {
    var config = BrokerConfigFactory.nodeConfig(layout, layout.node(3).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry("process.roles", "broker")
        .containsEntry("listeners", "CLIENT://127.0.0.1:9103,INTERNAL://127.0.0.1:9203")
        .containsEntry(
            "controller.quorum.voters", "0@127.0.0.1:9300,1@127.0.0.1:9301,2@127.0.0.1:9302")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .as("a broker-only node authenticates to controllers as the internal user")
        .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
        .containsEntry("listener.name.controller.plain.sasl.jaas.config", JAAS);
  }

  @Test
  void clientListenerAcceptsOnlyScramAndInternalListenersOnlyPlain() {
    var config = BrokerConfigFactory.nodeConfig(layout, layout.node(0).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry(
            "listener.name.client.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;")
        .containsEntry("listener.name.internal.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("listener.name.internal.plain.sasl.jaas.config", JAAS)
        .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "PLAIN")
        .containsEntry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("super.users", "User:stratus-internal")
        .containsEntry("allow.everyone.if.no.acl.found", "false")
        .doesNotContainKey("sasl.enabled.mechanisms");
  }

  @Test
  void withoutTenantListenerThereIsNoClientListener() {
    ClusterLayout system = TestLayouts.oneNode(false);
    var config = BrokerConfigFactory.nodeConfig(system, system.node(0).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "0@127.0.0.1:9300")
        .containsEntry("listeners", "INTERNAL://127.0.0.1:9200,CONTROLLER://127.0.0.1:9300")
        .containsEntry("advertised.listeners", "INTERNAL://127.0.0.1:9200")
        .containsEntry(
            "listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    assertThat(config.keySet()).noneMatch(key -> key.startsWith("listener.name.client."));
  }

  @Test
  void oneNodeClusterWithTenantListener() {
    ClusterLayout single = TestLayouts.oneNode(true);
    var config = BrokerConfigFactory.nodeConfig(single, single.node(0).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry(
            "listeners",
            "CLIENT://127.0.0.1:9100,INTERNAL://127.0.0.1:9200,CONTROLLER://127.0.0.1:9300")
        .containsEntry("controller.quorum.voters", "0@127.0.0.1:9300");
  }

  @Test
  void replicationDefaultsFollowTheBrokerCount() {
    assertThat(BrokerConfigFactory.clusterConfig(1, Map.of()))
        .containsEntry("default.replication.factor", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1");
    assertThat(BrokerConfigFactory.clusterConfig(2, Map.of()))
        .containsEntry("default.replication.factor", "2")
        .containsEntry("min.insync.replicas", "2");
    assertThat(BrokerConfigFactory.clusterConfig(5, Map.of()))
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .containsEntry("num.partitions", "3")
        .containsEntry("auto.create.topics.enable", "true")
        .containsEntry("num.network.threads", "2");
  }

  @Test
  void overridesReplaceDefaults() {
    var config =
        BrokerConfigFactory.clusterConfig(
            3, Map.of("num.partitions", "12", "log.retention.ms", "60000"));

    assertThat(config)
        .containsEntry("num.partitions", "12")
        .containsEntry("log.retention.ms", "60000");
  }

  @Test
  void overridesOfPlatformOwnedKeysAreRejectedByName() {
    assertThatThrownBy(
            () ->
                BrokerConfigFactory.clusterConfig(
                    3,
                    Map.of(
                        "listeners", "PLAINTEXT://:9092",
                        "listener.name.client.sasl.enabled.mechanisms", "PLAIN",
                        "num.partitions", "6")))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("[listener.name.client.sasl.enabled.mechanisms, listeners]")
        .hasMessageContaining("cannot be overridden");
    assertThat(BrokerConfigFactory.isReserved("super.users")).isTrue();
    assertThat(BrokerConfigFactory.isReserved("sasl.mechanism.inter.broker.protocol")).isTrue();
    assertThat(BrokerConfigFactory.isReserved("log.retention.ms")).isFalse();
  }

  @Test
  void platformSettingsWinOverClusterConfigFromDisk() {
    var tampered = new HashMap<>(layout.brokerConfig());
    tampered.put("super.users", "User:mallory");
    tampered.put("num.io.threads", "2");
    ClusterLayout edited =
        new ClusterLayout(
            layout.clusterId(),
            layout.kafkaClusterId(),
            layout.kafkaVersion(),
            layout.clientHost(),
            true,
            layout.internalCredentials(),
            tampered,
            layout.nodes());

    var config = BrokerConfigFactory.nodeConfig(edited, edited.node(0).orElseThrow(), DATA);

    assertThat(config)
        .containsEntry("super.users", "User:stratus-internal")
        .containsEntry("num.io.threads", "2");
  }

  @Test
  void theLogCleanerBufferFitsASmallHeap() {
    var config = BrokerConfigFactory.nodeConfig(layout, layout.node(0).orElseThrow(), DATA);

    assertThat(config)
        .as("Kafka's default 128 MiB dedupe buffer can exhaust a 256 MiB heap at start-up")
        .containsEntry("log.cleaner.dedupe.buffer.size", String.valueOf(32L * 1024 * 1024));
  }

  private static final TieredStorageSettings TIERED =
      new TieredStorageSettings(
          Path.of("/opt/stratus/plugin"),
          ObjectStoreLocation.parse("file:/data/object-store"),
          Optional.of(Path.of("/data/object-store.key")),
          64L * 1024 * 1024);

  @Test
  void tieredBrokersLoadThePluginInItsOwnClassLoaderAndKeepSegmentsUnderTheClusterPrefix() {
    var config =
        BrokerConfigFactory.nodeConfig(
            layout, layout.node(3).orElseThrow(), DATA, Optional.of(TIERED));

    assertThat(config)
        .containsEntry("remote.log.storage.system.enable", "true")
        .containsEntry(
            "remote.log.storage.manager.class.name",
            "io.stratus.plugins.tiered.StratusRemoteStorageManager")
        .containsEntry("remote.log.storage.manager.class.path", "/opt/stratus/plugin/*")
        .containsEntry("rsm.config.object.store", "file:/data/object-store")
        .containsEntry("rsm.config.key.prefix", "clusters/" + layout.clusterId())
        .containsEntry("rsm.config.encryption.key.file", "/data/object-store.key")
        .containsEntry("rsm.config.cache.dir", "/data/lkc-abc123/nodes/0/remote-cache")
        .containsEntry("remote.log.metadata.manager.listener.name", "INTERNAL")
        .containsEntry("rlmm.config.remote.log.metadata.common.client.sasl.mechanism", "PLAIN")
        .as("the hot-set defaults come with tiering")
        .containsEntry("log.local.retention.ms", "3600000")
        .containsEntry("log.local.retention.bytes", "1073741824");
    assertThat(config.get("rlmm.config.remote.log.metadata.common.client.sasl.jaas.config"))
        .as("the metadata manager's clients log in as the internal user")
        .contains("username=\"stratus-internal\"");
  }

  @Test
  void aClustersOwnHotSetWinsOverTheTieringDefaults() {
    ClusterLayout custom =
        new ClusterLayout(
            layout.clusterId(),
            layout.kafkaClusterId(),
            layout.kafkaVersion(),
            layout.clientHost(),
            true,
            layout.internalCredentials(),
            Map.of("log.local.retention.ms", "60000"),
            layout.nodes());

    var config =
        BrokerConfigFactory.nodeConfig(
            custom, custom.node(0).orElseThrow(), DATA, Optional.of(TIERED));

    assertThat(config)
        .containsEntry("log.local.retention.ms", "60000")
        .containsEntry("log.local.retention.bytes", "1073741824");
  }

  @Test
  void withoutTieringNoRemoteStorageSettingAppears() {
    var config = BrokerConfigFactory.nodeConfig(layout, layout.node(0).orElseThrow(), DATA);

    assertThat(config.keySet())
        .noneMatch(key -> key.startsWith("remote.log.") || key.startsWith("rsm.config."))
        .doesNotContain("log.local.retention.ms");
  }

  @Test
  void usersCannotTakeOverThePlugin() {
    assertThatThrownBy(
            () ->
                BrokerConfigFactory.clusterConfig(
                    3, Map.of("rsm.config.object.store", "file:/elsewhere")))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("rsm.config.object.store");
  }

  private static final LoadReporterSettings REPORTER =
      new LoadReporterSettings(Path.of("/opt/stratus/plugin"), Duration.ofSeconds(2));

  @Test
  void reportingBrokersRunTheLoadReporterBesideKafkasJmxReporterOnTheInternalListener() {
    var config =
        BrokerConfigFactory.nodeConfig(
            layout, layout.node(3).orElseThrow(), DATA, Optional.empty(), Optional.of(REPORTER));

    assertThat(config)
        .containsEntry(
            "metric.reporters",
            "org.apache.kafka.common.metrics.JmxReporter,"
                + "io.stratus.plugins.metrics.PartitionLoadReporter")
        .containsEntry(
            "stratus.load.reporter.bootstrap.servers",
            "127.0.0.1:9200,127.0.0.1:9201,127.0.0.1:9202,127.0.0.1:9203")
        .containsEntry("stratus.load.reporter.security.protocol", "SASL_PLAINTEXT")
        .containsEntry("stratus.load.reporter.sasl.mechanism", "PLAIN")
        .containsEntry("stratus.load.reporter.topic", "__stratus_partition_load")
        .containsEntry("stratus.load.reporter.interval.ms", "2000");
    assertThat(config.get("stratus.load.reporter.sasl.jaas.config"))
        .as("the reporter logs in as the internal user, with no user_ entries of a server login")
        .contains("username=\"stratus-internal\"")
        .doesNotContain("user_");
  }

  @Test
  void controllerOnlyNodesAndNodesWithoutAPluginDirectoryReportNothing() {
    var withController =
        layout.withNode(
            new io.stratus.dataplane.substrate.NodeLayout(
                9,
                java.util.EnumSet.of(io.stratus.dataplane.substrate.NodeRole.CONTROLLER),
                0,
                0,
                9309));

    var controller =
        BrokerConfigFactory.nodeConfig(
            withController,
            withController.node(9).orElseThrow(),
            DATA,
            Optional.empty(),
            Optional.of(REPORTER));
    var plain = BrokerConfigFactory.nodeConfig(layout, layout.node(0).orElseThrow(), DATA);

    assertThat(controller.keySet())
        .noneMatch(key -> key.startsWith("stratus.load.reporter."))
        .doesNotContain("metric.reporters");
    assertThat(plain.keySet())
        .noneMatch(key -> key.startsWith("stratus.load.reporter."))
        .doesNotContain("metric.reporters");
  }

  @Test
  void usersCannotTakeOverTheLoadReporter() {
    assertThatThrownBy(
            () ->
                BrokerConfigFactory.clusterConfig(
                    3,
                    Map.of(
                        "metric.reporters", "com.example.Spy",
                        "stratus.load.reporter.topic", "elsewhere")))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("[metric.reporters, stratus.load.reporter.topic]");
  }
}
