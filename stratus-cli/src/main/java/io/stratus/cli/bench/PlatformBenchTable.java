package io.stratus.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code stratus bench platform} prints: one row per run and a median row, seconds to a
 * tenth and memory in whole MiB, numbers right-aligned. Pure.
 */
final class PlatformBenchTable {

  private static final String GAP = "  ";

  private PlatformBenchTable() {}

  /**
   * The table, one line per row, each ending in a newline.
   *
   * @param unicode whether the output can show {@code →}; otherwise {@code ->} is used
   */
  static String render(List<PlatformRun> runs, PlatformMedians median, boolean unicode) {
    String arrow = unicode ? "→" : "->";
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "run",
            "up" + arrow + "healthy s",
            "create" + arrow + "READY s",
            "peak RSS MiB",
            "platform",
            "system Kafka",
            "brokers",
            "peak HWM MiB",
            "stop s",
            "leftover"));
    for (PlatformRun run : runs) {
      rows.add(
          row(
              Integer.toString(run.run()),
              run.upToHealthySeconds(),
              run.createToReadySeconds(),
              run.peakRssMiB(),
              run.peakHwmMiB(),
              run.stopSeconds(),
              Integer.toString(run.leftoverProcesses())));
    }
    rows.add(
        row(
            "median",
            median.upToHealthySeconds(),
            median.createToReadySeconds(),
            median.peakRssMiB(),
            median.peakHwmMiB(),
            median.stopSeconds(),
            count(median.leftoverProcesses())));
    return align(rows);
  }

  private static List<String> row(
      String label,
      double upSeconds,
      double readySeconds,
      RoleMemory rss,
      RoleMemory hwm,
      double stopSeconds,
      String leftover) {
    return List.of(
        label,
        seconds(upSeconds),
        seconds(readySeconds),
        mebibytes(rss.total()),
        mebibytes(rss.platform()),
        mebibytes(rss.systemKafka()),
        mebibytes(rss.tenantBrokers()),
        mebibytes(hwm.total()),
        seconds(stopSeconds),
        leftover);
  }

  /** The first column left-aligned, the others right-aligned, columns two spaces apart. */
  private static String align(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String padding = " ".repeat(widths[c] - row.get(c).length());
        line.append(c == 0 ? row.get(c) + padding : GAP + padding + row.get(c));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
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
