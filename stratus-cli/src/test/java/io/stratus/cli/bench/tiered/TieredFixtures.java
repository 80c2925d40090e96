package io.stratus.cli.bench.tiered;

import io.stratus.cli.bench.Machine;
import java.time.Duration;
import java.util.List;

/** Figures of a made-up run, with round numbers. */
final class TieredFixtures {

  static final long MB = 1024 * 1024;

  private TieredFixtures() {}

  static Throughput throughput(long megabytes, long millis) {
    return new Throughput(megabytes * MB, Duration.ofMillis(millis));
  }

  /** {@code megabytes} in {@code millis}, costing the broker and this JVM so many CPU ms/MB. */
  static Measurement measurement(
      long megabytes, long millis, double brokerMillisPerMb, double clientMillisPerMb) {
    return new Measurement(
        throughput(megabytes, millis),
        new CpuTime(
            brokerMillisPerMb < 0 ? -1 : brokerMillisPerMb * megabytes / 1000,
            clientMillisPerMb < 0 ? -1 : clientMillisPerMb * megabytes / 1000));
  }

  static BenchSettings settings() {
    return new BenchSettings(200, 4, Encryption.OFF);
  }

  /** Local read 400 MB/s, cold 320 MB/s (80 %), warm 400 MB/s (100 %). */
  static TieredBenchFigures figures() {
    return figures(measurement(200, 625, 5.5, 1.5));
  }

  static TieredBenchFigures figures(Measurement coldRead) {
    return new TieredBenchFigures(
        measurement(400, 5000, 2.0, 4.0),
        new PluginUpload.Result(measurement(192, 1500, -1, 3.5), 12, 96 * MB),
        measurement(200, 500, 1.0, 1.5),
        coldRead,
        measurement(200, 500, 2.5, 1.5),
        new TieringProgress(
            List.of(
                new PartitionTiering(0, 48_000, 48_000, 51_200),
                new PartitionTiering(1, 48_000, 48_000, 51_200),
                new PartitionTiering(2, 48_000, 48_000, 51_200),
                new PartitionTiering(3, 48_000, 48_000, 51_200)),
            96 * MB),
        Duration.ofSeconds(24));
  }

  static Machine machine() {
    return new Machine(2, 24_000, 1.5, "Linux 6.1 amd64", "17.0.12");
  }
}
