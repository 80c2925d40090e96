package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import org.junit.jupiter.api.Test;

/** The command's surface only: no test here starts a platform (a real run takes minutes). */
class BenchCommandTest {

  @Test
  void stratusHelpListsBench() {
    assertThat(CliRun.run(CliRun.environment(), "--help").out()).contains("bench");
  }

  @Test
  void benchHelpListsPlatform() {
    Result result = CliRun.run(CliRun.environment(), "bench", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("platform");
  }

  @Test
  void platformHelpNamesItsOptionsAndDefaults() {
    Result result = CliRun.run(CliRun.environment(), "bench", "platform", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("--runs")
        .contains("--brokers")
        .contains("--json")
        .contains("target/bench/platform.json");
  }

  @Test
  void refusesCountsBelowOneBeforeStartingAnything() {
    Result noRuns = CliRun.run(CliRun.environment(), "bench", "platform", "--runs", "0");
    Result noBrokers = CliRun.run(CliRun.environment(), "bench", "platform", "--brokers", "-1");

    assertThat(noRuns.exitCode()).as("a usage error").isEqualTo(2);
    assertThat(noRuns.err()).contains("--runs must be at least 1, got 0");
    assertThat(noBrokers.exitCode()).isEqualTo(2);
    assertThat(noBrokers.err()).contains("--brokers must be at least 1, got -1");
  }

  @Test
  void aGroupWithoutABenchmarkIsAUsageError() {
    assertThat(CliRun.run(CliRun.environment(), "bench").exitCode()).isEqualTo(2);
  }
}
