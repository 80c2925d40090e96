package io.stratus.balancer.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

  @Test
  void defaultsAreFiveMinuteWindowsReadyAfterThree() {
    MonitorSettings defaults = MonitorSettings.defaults();

    assertThat(defaults.samplesTopic()).isEqualTo("__stratus_partition_load");
    assertThat(defaults.windowCount()).isEqualTo(5);
    assertThat(defaults.windowDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.minWindows()).isEqualTo(3);
    assertThat(defaults.adminTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.pollTimeout()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void testsCanUseShortWindows() {
    MonitorSettings fast = MonitorSettings.defaults().withWindows(3, Duration.ofSeconds(2), 3);

    assertThat(fast.windowCount()).isEqualTo(3);
    assertThat(fast.windowDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(fast.samplesTopic()).isEqualTo(MonitorSettings.DEFAULT_SAMPLES_TOPIC);
  }

  @Test
  void invalidSettingsNameWhatIsAllowed() {
    MonitorSettings defaults = MonitorSettings.defaults();

    assertThatThrownBy(() -> defaults.withWindows(3, Duration.ofMinutes(1), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min windows must be 1 to the window count 3, was 4");
    assertThatThrownBy(() -> defaults.withWindows(0, Duration.ofMinutes(1), 1))
        .hasMessageContaining("window count must be at least 1");
    assertThatThrownBy(() -> defaults.withWindows(3, Duration.ZERO, 1))
        .hasMessageContaining("window duration must be at least 1 ms");
    assertThatThrownBy(() -> defaults.withSamplesTopic(" "))
        .hasMessageContaining("samples topic must not be blank");
    assertThatThrownBy(() -> defaults.withAdminTimeout(Duration.ZERO))
        .hasMessageContaining("admin timeout");
  }
}
