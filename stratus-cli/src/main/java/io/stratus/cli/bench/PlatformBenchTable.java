package io.stratus.cli.bench;

import io.stratus.cli.output.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code stratus bench platform} prints: one row per run and a median row, seconds to a
 * tenth and memory in whole MiB, numbers right-aligned. Pure.
 */
final class PlatformBenchTable {

  private PlatformBenchTable() {}

  /**
   * The table, one line per row, each ending in a newline.
   *
   * @param unicode whether the output can show {@code →}; otherwise {@code ->} is used
   */
  static String render(List<PlatformRun> runs, PlatformMedians median, boolean unicode) {
    String arrow = unicode ? "→" : "->";
    TextTable table =
        TextTable.withNumericColumns(
            "run",
            "up" + arrow + "healthy s",
            "create" + arrow + "READY s",
            "peak RSS MiB",
            "platform",
            "system Kafka",
            "brokers",
            "peak HWM MiB",
            "stop s",
            "leftover");
    for (PlatformRun run : runs) {
      table.row(
          row(
              Integer.toString(run.run()),
              run.upToHealthySeconds(),
              run.createToReadySeconds(),
              run.peakRssMiB(),
              run.peakHwmMiB(),
              run.stopSeconds(),
              Integer.toString(run.leftoverProcesses())));
    }
    table.row(
        row(
            "median",
            median.upToHealthySeconds(),
            median.createToReadySeconds(),
            median.peakRssMiB(),
            median.peakHwmMiB(),
            median.stopSeconds(),
            count(median.leftoverProcesses())));
    return table.render();
  }

  private static String[] row(
      String label,
      double upSeconds,
      double readySeconds,
      RoleMemory rss,
      RoleMemory hwm,
      double stopSeconds,
      String leftover) {
    return new String[] {
      label,
      seconds(upSeconds),
      seconds(readySeconds),
      mebibytes(rss.total()),
      mebibytes(rss.platform()),
      mebibytes(rss.systemKafka()),
      mebibytes(rss.tenantBrokers()),
      mebibytes(hwm.total()),
      seconds(stopSeconds),
      leftover
    };
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }

  private static String mebibytes(double mebibytes) {
    return String.format(Locale.ROOT, "%.0f", mebibytes);
  }

  /** A median count: whole when it is (odd runs), else to a tenth. */
  private static String count(double count) {
    return count == Math.rint(count)
        ? Long.toString((long) count)
        : String.format(Locale.ROOT, "%.1f", count);
  }
}
