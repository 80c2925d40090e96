package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  @Test
  void dividesCpuTimeByTheMegabytesMoved() {
    Measurement measurement =
        new Measurement(TieredFixtures.throughput(200, 1000), new CpuTime(1.1, 0.3));

    assertThat(measurement.brokerCpuMillisPerMegabyte()).isEqualTo(5.5);
    assertThat(measurement.clientCpuMillisPerMegabyte()).isEqualTo(1.5);
  }

  @Test
  void anUnknownCpuTimeStaysUnknown() {
    Measurement measurement =
        new Measurement(TieredFixtures.throughput(200, 1000), new CpuTime(-1, 0.3));

    assertThat(measurement.brokerCpuMillisPerMegabyte()).isNegative();
  }

  @Test
  void twoStepsAddUp() {
    Measurement one = new Measurement(TieredFixtures.throughput(100, 1000), new CpuTime(0.2, 0.4));
    Measurement two = new Measurement(TieredFixtures.throughput(100, 3000), new CpuTime(0.2, -1));

    Measurement both = one.plus(two);

    assertThat(both.throughput().bytes()).isEqualTo(200 * TieredFixtures.MB);
    assertThat(both.megabytesPerSecond()).isEqualTo(50.0);
    assertThat(both.cpu().brokerSeconds()).isEqualTo(0.4);
    assertThat(both.cpu().clientSeconds()).as("unknown in one step").isNegative();
  }

  @Test
  void theMedianIsTheMiddleThroughputWithItsOwnCpuFigures() {
    Measurement slow = TieredFixtures.measurement(200, 2000, 9.0, 1.0);
    Measurement middle = TieredFixtures.measurement(200, 1000, 5.0, 1.0);
    Measurement fast = TieredFixtures.measurement(200, 500, 4.0, 1.0);

    assertThat(Measurement.median(List.of(fast, slow, middle))).isSameAs(middle);
    assertThat(Measurement.median(List.of(fast))).isSameAs(fast);
    assertThat(Measurement.median(List.of(fast, slow))).as("the lower middle").isSameAs(slow);
  }

  @Test
  void cpuTimeSinceAnEarlierReading() {
    CpuTime later = new CpuTime(5.0, 2.5);

    assertThat(later.since(new CpuTime(4.0, 2.0))).isEqualTo(new CpuTime(1.0, 0.5));
    assertThat(later.since(CpuTime.UNKNOWN)).isEqualTo(CpuTime.UNKNOWN);
  }
}
