package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformMediansTest {

  @Test
  void takesTheMedianOfEachFigureOnItsOwn() {
    PlatformMedians median =
        PlatformMedians.of(
            List.of(
                BenchFixtures.run(1, 30.0, 40.0, 300, 1500, 9.0, 0),
                BenchFixtures.run(2, 20.0, 60.0, 350, 1400, 8.0, 2),
                BenchFixtures.run(3, 25.0, 50.0, 250, 1600, 7.0, 0)));

    assertThat(median.upToHealthySeconds()).isEqualTo(25.0);
    assertThat(median.createToReadySeconds()).isEqualTo(50.0);
    assertThat(median.stopSeconds()).isEqualTo(8.0);
    assertThat(median.leftoverProcesses()).isEqualTo(0.0);
    assertThat(median.peakRssMiB().platform()).isEqualTo(300.0);
    assertThat(median.peakRssMiB().systemKafka()).isEqualTo(400.0);
    assertThat(median.peakRssMiB().tenantBrokers()).isEqualTo(1500.0);
    assertThat(median.peakRssMiB().total())
        .as("the median of the totals (2200, 2150, 2250)")
        .isEqualTo(2200.0);
    assertThat(median.peakHwmMiB().total()).isCloseTo(2420.0, within(1e-9));
  }

  @Test
  void twoRunsMeetInTheMiddle() {
    PlatformMedians median =
        PlatformMedians.of(
            List.of(
                BenchFixtures.run(1, 20.0, 40.0, 300, 1500, 9.0, 0),
                BenchFixtures.run(2, 30.0, 50.0, 300, 1500, 9.0, 1)));

    assertThat(median.upToHealthySeconds()).isEqualTo(25.0);
    assertThat(median.leftoverProcesses()).isEqualTo(0.5);
  }
}
