package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressMessageTest {

  @Test
  void bytesInDecimalUnitsWithOneDecimal() {
    assertThat(ProgressMessage.bytes(0)).isEqualTo("0 B");
    assertThat(ProgressMessage.bytes(999)).isEqualTo("999 B");
    assertThat(ProgressMessage.bytes(1_000)).isEqualTo("1.0 kB");
    assertThat(ProgressMessage.bytes(1_234_567)).isEqualTo("1.2 MB");
    assertThat(ProgressMessage.bytes(999_999_999)).isEqualTo("1.0 GB");
    assertThat(ProgressMessage.bytes(3_400_000_000L)).isEqualTo("3.4 GB");
  }

  @Test
  void durationInItsTwoLargestUnits() {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");

    assertThat(ProgressMessage.duration(Optional.of(start), Optional.of(start.plusSeconds(42))))
        .isEqualTo("42s");
    assertThat(ProgressMessage.duration(Optional.of(start), Optional.of(start.plusSeconds(130))))
        .isEqualTo("2m 10s");
    assertThat(ProgressMessage.duration(Optional.of(start), Optional.of(start.plusSeconds(3780))))
        .isEqualTo("1h 3m");
  }
}
