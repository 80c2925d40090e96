package io.stratus.cli.bench;

import io.stratus.api.StratusJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code stratus bench platform --json FILE} writes: where and how it ran, every run, and the
 * medians.
 *
 * @param benchmark always {@code platform}
 * @param startedAt when the bench started
 * @param machine the machine it ran on
 * @param settings what it was asked to do
 * @param runs every run, in order
 * @param median the median of each figure over the runs
 */
record PlatformBenchReport(
    String benchmark,
    Instant startedAt,
    Machine machine,
    Settings settings,
    List<PlatformRun> runs,
    PlatformMedians median) {

  PlatformBenchReport {
    runs = List.copyOf(runs);
  }

  /**
   * What the bench was asked to do.
   *
   * @param runs how many times the platform was started, measured and stopped
   * @param brokers the brokers of the cluster each run created
   * @param memorySamples how many memory samples each run took after READY
   * @param memorySampleIntervalSeconds the time between two samples
   */
  record Settings(int runs, int brokers, int memorySamples, double memorySampleIntervalSeconds) {}

  /** Writes the report as indented JSON to {@code file}, creating its parent directories. */
  void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(
        file, StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }
}
