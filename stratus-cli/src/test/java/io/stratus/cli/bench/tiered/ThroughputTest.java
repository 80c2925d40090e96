package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputTest {

  @Test
  void countsMegabytesOfTwoToTheTwentiethBytesPerSecond() {
    Throughput throughput = new Throughput(300L * 1024 * 1024, Duration.ofMillis(1500));

    assertThat(throughput.megabytesPerSecond()).isEqualTo(200.0);
    assertThat(throughput.seconds()).isEqualTo(1.5);
  }

  @Test
  void measuresBetweenTwoNanoTimes() {
    Throughput throughput = Throughput.between(1024 * 1024, 5_000_000_000L, 5_500_000_000L);

    assertThat(throughput.elapsed()).isEqualTo(Duration.ofMillis(500));
    assertThat(throughput.megabytesPerSecond()).isEqualTo(2.0);
  }

  @Test
  void refusesNoTimeAtAll() {
    assertThatThrownBy(() -> new Throughput(1, Duration.ZERO))
        .hasMessageContaining("elapsed time must be positive");
  }
}
