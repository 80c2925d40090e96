package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stratus.cli.platform.UpCommand;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import org.junit.jupiter.api.Test;

/** The command's surface only: no test here starts a broker (a real run takes minutes). */
class TieredStorageBenchCommandTest {

  @Test
  void benchHelpListsTieredStorage() {
    Result result = CliRun.run(CliRun.environment(), "bench", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("tiered-storage");
  }

  @Test
  void helpNamesItsOptionsAndDefaults() {
    Result result = CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains("--megabytes")
        .contains("default: 200")
        .contains("--partitions")
        .contains("default: 4")
        .contains("--encryption")
        .contains("default: off")
        .contains("--json")
        .contains("target/bench/tiered-storage.json");
  }

  @Test
  void aMegabytesThatIsNotANumberIsAUsageErrorNamingTheOption() {
    Result result =
        CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--megabytes", "lots");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--megabytes").contains("lots");
  }

  @Test
  void tooFewMegabytesIsAUsageErrorBeforeAnythingStarts() {
    Result zero = CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--megabytes", "0");
    Result belowASegmentPerPartition =
        CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--megabytes", "40");

    assertThat(zero.exitCode()).as("a usage error").isEqualTo(2);
    assertThat(zero.err()).contains("--megabytes must be from 1 to 102400, got 0");
    assertThat(belowASegmentPerPartition.exitCode()).isEqualTo(2);
    assertThat(belowASegmentPerPartition.err())
        .contains("--megabytes must be at least 16 per partition (64 for --partitions 4)")
        .contains("got 40");
  }

  @Test
  void partitionsOutOfRangeIsAUsageError() {
    Result result =
        CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--partitions", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--partitions must be from 1 to 256, got 0");
  }

  @Test
  void anEncryptionOtherThanOnOrOffIsAUsageErrorNamingTheChoices() {
    Result result =
        CliRun.run(CliRun.environment(), "bench", "tiered-storage", "--encryption", "maybe");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Invalid value for option '--encryption': expected on or off, got 'maybe'");
  }

  @Test
  void encryptionIgnoresCase() {
    Result result =
        CliRun.run(
            CliRun.environment(),
            "bench",
            "tiered-storage",
            "--encryption",
            "ON",
            "--partitions",
            "0");

    assertThat(result.err())
        .as("--encryption ON is accepted; the run stops at the next bad option")
        .contains("--partitions must be");
  }

  @Test
  void withoutAKafkaRuntimeItSaysHowToGiveOne() {
    assumeTrue(
        System.getProperty(UpCommand.KAFKA_HOME_PROPERTY) == null,
        "the test JVM names a Kafka runtime");

    Result result = CliRun.run(CliRun.environment(), "bench", "tiered-storage");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("no Kafka runtime")
        .contains("./stratus")
        .contains("-D" + UpCommand.KAFKA_HOME_PROPERTY)
        .contains("STRATUS_KAFKA_HOME");
  }
}
