package io.stratus.cli.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesTheShortFormsAndIso() {
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void rejectsOtherTextNamingTheAcceptedForms() {
    for (String text : new String[] {"", "10", "m", "10 minutes", "5m3", "x5m"}) {
      assertThatThrownBy(() -> Durations.parse(text))
          .as("'%s'", text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("90s, 10m, 1h30m or 500ms");
    }
  }

  @Test
  void formatsShortly() {
    assertThat(Durations.format(Duration.ofMillis(14_900))).isEqualTo("14s");
    assertThat(Durations.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(Durations.format(Duration.ofMinutes(62))).isEqualTo("1h02m");
  }
}
