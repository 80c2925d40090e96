package io.stratus.cli.bench.tiered;

import io.stratus.api.StratusJson;
import io.stratus.cli.bench.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code stratus bench tiered-storage --json FILE} writes: where and how it ran, and every
 * figure. Throughputs are in MB/s (2^20 bytes), ratios are shares (0.8 = 80 %).
 *
 * @param benchmark always {@code tiered-storage}
 * @param startedAt when the bench started
 * @param machine the machine it ran on
 * @param megabytes MB written to each topic
 * @param partitions partitions of each topic
 * @param encryption {@code on} or {@code off}
 * @param records records written to each topic
 * @param produceMBps writing both topics, {@code acks=all}
 * @param uploadMBps the plugin uploading closed segments in-process, one at a time
 * @param localReadMBps reading the local-only topic from offset 0
 * @param remoteColdReadMBps reading the tiered topic from offset 0, chunk cache empty
 * @param remoteWarmReadMBps reading it again, chunks cached
 * @param coldToLocalRatio remoteColdReadMBps / localReadMBps
 * @param warmToLocalRatio remoteWarmReadMBps / localReadMBps
 * @param uploadedSegments segments the in-process upload copied
 * @param uploadedBytes their bytes
 * @param uploadStoredBytes what the object store held afterwards
 * @param tieredRemoteShare the share of the tiered topic's records read from the object store
 * @param tieringSeconds from the last write until the tiered topic was tiered
 * @param cpuMillisPerMB what each step cost in CPU per MB: {@code produce}, {@code upload}, {@code
 *     localRead}, {@code remoteColdRead}, {@code remoteWarmRead}
 * @param brokerOverrides broker settings the bench set on top of the platform's
 */
record TieredBenchReport(
    String benchmark,
    Instant startedAt,
    Machine machine,
    int megabytes,
    int partitions,
    String encryption,
    long records,
    double produceMBps,
    double uploadMBps,
    double localReadMBps,
    double remoteColdReadMBps,
    double remoteWarmReadMBps,
    double coldToLocalRatio,
    double warmToLocalRatio,
    int uploadedSegments,
    long uploadedBytes,
    long uploadStoredBytes,
    double tieredRemoteShare,
    double tieringSeconds,
    Map<String, CpuCost> cpuMillisPerMB,
    Map<String, String> brokerOverrides) {

  TieredBenchReport {
    cpuMillisPerMB = new LinkedHashMap<>(cpuMillisPerMB);
    brokerOverrides = new TreeMap<>(brokerOverrides);
  }

  /**
   * The CPU one MB cost: milliseconds of user and system time, -1 where unknown.
   *
   * @param broker of the broker process
   * @param client of this JVM (producer, consumer, or the plugin for the upload)
   */
  record CpuCost(double broker, double client) {

    static CpuCost of(Measurement measurement) {
      return new CpuCost(
          round(measurement.brokerCpuMillisPerMegabyte(), 2),
          round(measurement.clientCpuMillisPerMegabyte(), 2));
    }
  }

  /** The report of one run. */
  static TieredBenchReport of(
      Instant startedAt,
      Machine machine,
      BenchSettings settings,
      TieredBenchFigures figures,
      Map<String, String> brokerOverrides) {
    return new TieredBenchReport(
        "tiered-storage",
        startedAt,
        machine,
        settings.megabytes(),
        settings.partitions(),
        settings.encryption().toString(),
        settings.records(),
        round(figures.produce().megabytesPerSecond(), 2),
        round(figures.upload().measurement().megabytesPerSecond(), 2),
        round(figures.localRead().megabytesPerSecond(), 2),
        round(figures.coldRead().megabytesPerSecond(), 2),
        round(figures.warmRead().megabytesPerSecond(), 2),
        round(figures.coldToLocalRatio(), 4),
        round(figures.warmToLocalRatio(), 4),
        figures.upload().segments(),
        figures.upload().measurement().throughput().bytes(),
        figures.upload().storedBytes(),
        round(figures.tiering().remoteShare(), 4),
        round(figures.tieringTime().toMillis() / 1000.0, 1),
        cpuCosts(figures),
        brokerOverrides);
  }

  private static Map<String, CpuCost> cpuCosts(TieredBenchFigures figures) {
    Map<String, CpuCost> costs = new LinkedHashMap<>();
    costs.put("produce", CpuCost.of(figures.produce()));
    costs.put("upload", CpuCost.of(figures.upload().measurement()));
    costs.put("localRead", CpuCost.of(figures.localRead()));
    costs.put("remoteColdRead", CpuCost.of(figures.coldRead()));
    costs.put("remoteWarmRead", CpuCost.of(figures.warmRead()));
    return costs;
  }

  /** Writes the report as indented JSON to {@code file}, creating its parent directories. */
  void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(
        file, StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }

  private static double round(double value, int decimals) {
    if (value < 0) {
      return -1;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
