package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecutorSettingsTest {

  @Test
  void defaults() {
    ExecutorSettings settings = ExecutorSettings.defaults();

    assertThat(settings.maxMovesPerBroker()).isEqualTo(2);
    assertThat(settings.maxMovesInCluster()).isEqualTo(10);
    assertThat(settings.throttleBytesPerSecond()).isEqualTo(50L * 1024 * 1024);
    assertThat(settings.maxAttempts()).isEqualTo(5);
    assertThat(settings.leaderBatchSize()).isEqualTo(100);
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.inFlightShown()).isEqualTo(20);
    assertThat(settings.throttled()).isTrue();
  }

  @Test
  void withersChangeOneSetting() {
    ExecutorSettings settings =
        ExecutorSettings.defaults()
            .withMaxMovesPerBroker(1)
            .withMaxMovesInCluster(3)
            .withThrottleBytesPerSecond(0)
            .withMaxAttempts(2)
            .withLeaderBatchSize(7)
            .withCallTimeout(Duration.ofSeconds(1))
            .withInFlightShown(4);

    assertThat(settings).isEqualTo(new ExecutorSettings(1, 3, 0, 2, 7, Duration.ofSeconds(1), 4));
    assertThat(settings.throttled()).isFalse();
  }

  @Test
  void rejectsLimitsThatWouldStallOrNegativeRates() {
    assertThatThrownBy(() -> ExecutorSettings.defaults().withMaxMovesPerBroker(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxMovesPerBroker must be at least 1, was 0");
    assertThatThrownBy(() -> ExecutorSettings.defaults().withThrottleBytesPerSecond(-1))
        .hasMessage("throttleBytesPerSecond must be 0 (no throttle) or positive, was -1");
    assertThatThrownBy(() -> ExecutorSettings.defaults().withCallTimeout(Duration.ZERO))
        .hasMessage("callTimeout must be positive, was PT0S");
  }
}
