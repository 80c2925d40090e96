package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void anOddCountHasItsMiddleValue() {
    assertThat(Median.of(List.of(30.0, 10.0, 20.0))).isEqualTo(20.0);
    assertThat(Median.of(List.of(7.5))).isEqualTo(7.5);
  }

  @Test
  void anEvenCountHasTheMeanOfItsTwoMiddleValues() {
    assertThat(Median.of(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
    assertThat(Median.of(List.of(2.0, 1.0))).isEqualTo(1.5);
  }

  @Test
  void anOutlierDoesNotMoveIt() {
    assertThat(Median.of(List.of(21.0, 22.0, 500.0))).isEqualTo(22.0);
  }

  @Test
  void noValuesHaveNoMedian() {
    assertThatThrownBy(() -> Median.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
  }
}
