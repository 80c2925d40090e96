package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import org.junit.jupiter.api.Test;

class StratusCommandTest {

  @Test
  void versionNamesStratusAndKafka() {
    Result result = CliRun.run(CliRun.environment(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("stratus ").contains("Apache Kafka 4.4.0");
  }

  @Test
  void helpListsTheCommands() {
    Result result = CliRun.run(CliRun.environment(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("cluster").contains("api-key");
  }

  @Test
  void clusterHelpListsItsSubcommands() {
    Result result = CliRun.run(CliRun.environment(), "cluster", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("create")
        .contains("list")
        .contains("describe")
        .contains("scale")
        .contains("delete");
  }

  @Test
  void usageErrorsEndWithExitCodeTwo() {
    assertThat(CliRun.run(CliRun.environment(), "cluster").exitCode())
        .as("a group without a subcommand")
        .isEqualTo(2);
    assertThat(CliRun.run(CliRun.environment(), "cluster", "scale", "lkc-ab12cd").exitCode())
        .as("scale without --brokers")
        .isEqualTo(2);
    Result unknown = CliRun.run(CliRun.environment(), "cluster", "list", "--colour");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--colour'");
  }
}
