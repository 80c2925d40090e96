package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpCommandTest {

  @TempDir Path temp;

  @Test
  void aPlatformThatCannotStartSaysWhyInOneLine() {
    Path missing = temp.resolve("no-kafka-here");

    CliRun.Result result =
        upWithKafkaHome(
            missing, "up", "--data-dir", temp.resolve("data").toString(), "--api-port", "0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("Error: stratus up: the Kafka runtime directory " + missing + " does not exist")
        .as("no stack trace for a failure the message explains")
        .doesNotContain("\tat ");
    assertThat(result.out()).doesNotContain("Stratus is up");
  }

  @Test
  void aFailureGraceThatIsNotPositiveIsRefusedNamingTheOption() {
    CliRun.Result result =
        upWithKafkaHome(
            temp.resolve("kafka"),
            "up",
            "--data-dir",
            temp.resolve("data").toString(),
            "--broker-failure-grace",
            "PT0S");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "--broker-failure-grace must be a positive ISO-8601 duration such as PT5M, got PT0S");
    assertThat(result.out()).doesNotContain("Stratus is up");
  }

  /** Runs the CLI with the Kafka runtime directory set to {@code kafkaHome}, then restores it. */
  private static CliRun.Result upWithKafkaHome(Path kafkaHome, String... arguments) {
    String previous = System.getProperty(UpCommand.KAFKA_HOME_PROPERTY);
    System.setProperty(UpCommand.KAFKA_HOME_PROPERTY, kafkaHome.toString());
    try {
      return CliRun.run(CliRun.environment(), arguments);
    } finally {
      if (previous == null) {
        System.clearProperty(UpCommand.KAFKA_HOME_PROPERTY);
      } else {
        System.setProperty(UpCommand.KAFKA_HOME_PROPERTY, previous);
      }
    }
  }
}
