package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.cli.StratusCliException;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void writesOneKibibyteValuePerKibibyteAskedFor() {
    BenchSettings settings = new BenchSettings(200, 4, Encryption.OFF);

    assertThat(settings.records()).isEqualTo(204_800);
    assertThat(settings.payloadBytes()).isEqualTo(204_800L * (1024 + 8));
  }

  @Test
  void acceptsExactlyOneSegmentPerPartition() {
    assertThat(new BenchSettings(64, 4, Encryption.ON).megabytes()).isEqualTo(64);
  }

  @Test
  void refusesLessThanOneSegmentPerPartitionAsAUsageError() {
    assertThatThrownBy(() -> new BenchSettings(63, 4, Encryption.OFF))
        .isInstanceOfSatisfying(
            StratusCliException.class,
            e -> assertThat(e.exitCode()).as("a usage error").isEqualTo(2))
        .hasMessageContaining("--megabytes must be at least 16 per partition");
  }

  @Test
  void refusesValuesOutOfRangeNamingTheOption() {
    assertThatThrownBy(() -> new BenchSettings(200_000, 4, Encryption.OFF))
        .hasMessage("--megabytes must be from 1 to 102400, got 200000");
    assertThatThrownBy(() -> new BenchSettings(200, 300, Encryption.OFF))
        .hasMessage("--partitions must be from 1 to 256, got 300");
    assertThatThrownBy(() -> new BenchSettings(200, 4, null))
        .hasMessage("--encryption must be on or off");
  }
}
