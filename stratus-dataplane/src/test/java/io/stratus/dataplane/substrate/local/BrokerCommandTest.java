package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerCommandTest {

  private static final NodePaths NODE = new NodePaths(Path.of("/data/lkc-abc123/nodes/2"));

  @Test
  void brokerRunsKafkaFromItsOwnLibsInItsOwnSession() {
    var command =
        BrokerCommand.broker(
            Optional.of(Path.of("/usr/bin/setsid")),
            Path.of("/jdk/bin/java"),
            384,
            "/kafka/4.4.0/libs/*",
            NODE);

    assertThat(command.subList(0, 3))
        .containsExactly(
            "/usr/bin/setsid",
            "/jdk/bin/java",
            "-Dstratus.node.config=/data/lkc-abc123/nodes/2/server.properties");
    assertThat(command)
        .contains(
            "-Xms128m",
            "-Xmx384m",
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-Dlog4j2.configurationFile=/data/lkc-abc123/nodes/2/log4j2.properties")
        .containsSubsequence(
            "-cp",
            "/kafka/4.4.0/libs/*",
            "kafka.Kafka",
            "/data/lkc-abc123/nodes/2/server.properties");
    assertThat(command.get(command.size() - 1))
        .isEqualTo("/data/lkc-abc123/nodes/2/server.properties");
  }

  @Test
  void withoutSetsidJavaComesFirst() {
    var command = BrokerCommand.broker(Optional.empty(), Path.of("java"), 256, "/libs/*", NODE);

    assertThat(command.get(0)).isEqualTo("java");
  }

  @Test
  void storageIsFormattedWithKafkasToolAndIgnoresFormattedDirectories() {
    var command = BrokerCommand.formatStorage(Path.of("/jdk/bin/java"), "/libs/*", "abcUUID", NODE);

    assertThat(command)
        .containsSubsequence(
            "-cp",
            "/libs/*",
            "kafka.tools.StorageTool",
            "format",
            "-t",
            "abcUUID",
            "-c",
            "/data/lkc-abc123/nodes/2/server.properties",
            "--ignore-formatted");
  }

  @Test
  void thePluginJarAloneFollowsKafkasJarsOnTheBrokersClasspath() {
    assertThat(
            BrokerCommand.brokerClasspath(
                "/kafka/4.4.0/libs/*",
                java.util.List.of(Path.of("/plugin/stratus-broker-plugins-0.1.0.jar"))))
        .isEqualTo("/kafka/4.4.0/libs/*:/plugin/stratus-broker-plugins-0.1.0.jar");
    assertThat(BrokerCommand.brokerClasspath("/kafka/4.4.0/libs/*", java.util.List.of()))
        .isEqualTo("/kafka/4.4.0/libs/*");
  }
}
