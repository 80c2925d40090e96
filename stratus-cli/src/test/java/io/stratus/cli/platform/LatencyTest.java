package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void percentilesAreNearestRankOnTheSortedSamples() {
    long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

    assertThat(PhaseLatency.percentile(oneToHundred, 50)).isEqualTo(50);
    assertThat(PhaseLatency.percentile(oneToHundred, 99)).isEqualTo(99);
    assertThat(PhaseLatency.percentile(oneToHundred, 100)).isEqualTo(100);
    assertThat(PhaseLatency.percentile(new long[] {7}, 99)).isEqualTo(7);
    // 3 samples: rank ceil(0.5 * 3) = 2 for the median, ceil(0.99 * 3) = 3 for p99.
    assertThat(PhaseLatency.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
    assertThat(PhaseLatency.percentile(new long[] {1, 2, 3}, 99)).isEqualTo(3);
  }

  @Test
  void aSummarySortsItsSamplesAndSpeaksMilliseconds() {
    long[] shuffled = LongStream.rangeClosed(1, 1000).map(i -> i * 1_000_000).toArray();
    Random random = new Random(42);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }

    PhaseLatency latency = PhaseLatency.of(shuffled);

    assertThat(latency.count()).isEqualTo(1000);
    assertThat(latency.p50Millis()).isEqualTo(500.0);
    assertThat(latency.p99Millis()).isEqualTo(990.0);
    assertThat(latency.maxMillis()).isEqualTo(1000.0);
    assertThat(latency.describe()).isEqualTo("n=1000 p50=500.0ms p99=990.0ms max=1000.0ms");
  }

  @Test
  void noSamplesGiveAnEmptySummaryAndNoPercentile() {
    assertThat(PhaseLatency.of(new long[0])).isEqualTo(PhaseLatency.NONE);
    assertThatThrownBy(() -> PhaseLatency.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhaseLatency.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void samplesAreKeptPerPhaseInTheOrderPhasesBegan() {
    LatencySamples samples = new LatencySamples();
    for (int i = 1; i <= 3000; i++) {
      samples.record("before", 2_000_000);
    }
    samples.record("during", 40_000_000);
    samples.record("during", 10_000_000);
    samples.record("after", 3_000_000);

    assertThat(samples.phases()).containsExactly("before", "during", "after");
    assertThat(samples.latency("before").count())
        .as("past the first array's growth")
        .isEqualTo(3000);
    assertThat(samples.latency("during")).isEqualTo(new PhaseLatency(2, 10.0, 40.0, 40.0));
    assertThat(samples.latency("never")).isEqualTo(PhaseLatency.NONE);
    assertThat(samples.all().keySet()).containsExactly("before", "during", "after");
  }

  @Test
  void producerMetricSamplesAverageTheMeansAndKeepTheLargestMaximum() {
    ProducerLatency combined =
        ProducerLatency.sample(2.0, 10.0)
            .plus(ProducerLatency.sample(4.0, 30.0))
            .plus(ProducerLatency.sample(Double.NaN, Double.NaN))
            .plus(ProducerLatency.sample(6.0, 20.0));

    assertThat(combined.samples()).as("the NaN sample (no request yet) is left out").isEqualTo(3);
    assertThat(combined.requestLatencyAvgMillis()).isCloseTo(4.0, within(1e-9));
    assertThat(combined.requestLatencyMaxMillis()).isEqualTo(30.0);
    assertThat(ProducerLatency.NONE.plus(ProducerLatency.NONE).describe())
        .isEqualTo("request-latency: no sample");
  }
}
