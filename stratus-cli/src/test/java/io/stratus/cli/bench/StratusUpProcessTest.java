package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StratusUpProcessTest {

  @Test
  void runsStratusUpOnTheSameRuntimeAndClassPathWithTheKafkaHome() {
    assertThat(
            StratusUpProcess.command(
                "/usr/lib/jvm/java-17/bin/java",
                "/repo/stratus-cli/target/stratus-cli.jar:/repo/lib/a.jar",
                Map.of("stratus.kafka.home", "/repo/stratus-kafka-dist/target/kafka"),
                Path.of("/tmp/stratus-bench-1/data"),
                41234))
        .containsExactly(
            "/usr/lib/jvm/java-17/bin/java",
            "-Dstratus.kafka.home=/repo/stratus-kafka-dist/target/kafka",
            "-cp",
            "/repo/stratus-cli/target/stratus-cli.jar:/repo/lib/a.jar",
            "io.stratus.cli.Main",
            "up",
            "--data-dir",
            "/tmp/stratus-bench-1/data",
            "--api-port",
            "41234");
  }

  @Test
  void leavesTheKafkaHomeToTheEnvironmentWhenNoPropertyIsSet() {
    assertThat(
            StratusUpProcess.command(
                "java", "cli.jar", Map.of(), Path.of("/tmp/stratus-bench-1/data"), 7071))
        .noneMatch(argument -> argument.startsWith("-Dstratus.kafka.home"))
        .startsWith("java", "-cp", "cli.jar", "io.stratus.cli.Main", "up");
  }
}
