package io.stratus.cli.bench;

import io.stratus.api.StratusJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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
   * The machine the figures were measured on.
   *
   * @param availableProcessors the processors the JVM may use
   * @param totalMemoryMiB the machine's physical memory
   * @param loadAverageAtStart the one-minute load average when the bench started (-1 if unknown);
   *     other work on the machine slows every figure down
   * @param os name, version and architecture of the operating system
   * @param javaVersion the Java runtime that ran the platform
   */
  record Machine(
      int availableProcessors,
      long totalMemoryMiB,
      double loadAverageAtStart,
      String os,
      String javaVersion) {

    /** This machine, now. */
    static Machine current() {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      long memory =
          os instanceof com.sun.management.OperatingSystemMXBean sun
              ? sun.getTotalMemorySize() / (1024 * 1024)
              : -1;
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          memory,
          os.getSystemLoadAverage(),
          os.getName() + " " + os.getVersion() + " " + os.getArch(),
          Runtime.version().toString());
    }
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
