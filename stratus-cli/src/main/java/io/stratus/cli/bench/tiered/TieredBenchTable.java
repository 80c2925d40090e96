package io.stratus.cli.bench.tiered;

import io.stratus.cli.bench.Machine;
import io.stratus.cli.output.TextTable;
import java.util.Locale;

/**
 * What {@code stratus bench tiered-storage} prints: a table of throughputs (MB/s to a tenth,
 * seconds to a hundredth, remote reads as a percentage of the local read, CPU milliseconds per MB
 * of the broker and of this JVM), then the machine, the sizes and how the cold read compares with
 * the goal. Pure.
 */
final class TieredBenchTable {

  /** The goal for a cold remote read, as a share of a local read, on the directory backend. */
  static final double COLD_READ_GOAL = 0.8;

  private TieredBenchTable() {}

  /**
   * The table and the lines under it, each ending in a newline.
   *
   * @param unicode whether the output can show {@code ≥}; otherwise {@code >=} is used
   */
  static String render(
      TieredBenchFigures figures, BenchSettings settings, Machine machine, boolean unicode) {
    TextTable table =
        TextTable.withNumericColumns(
            "measure", "MB/s", "seconds", "vs local", "broker CPU ms/MB", "client CPU ms/MB");
    table.row(row("produce, both topics, acks=all", figures.produce(), ""));
    table.row(row("upload, plugin in-process", figures.upload().measurement(), ""));
    table.row(row("read local-only topic", figures.localRead(), "100%"));
    table.row(
        row(
            "read tiered topic, cold cache",
            figures.coldRead(),
            percent(figures.coldToLocalRatio())));
    table.row(
        row(
            "read tiered topic, warm cache",
            figures.warmRead(),
            percent(figures.warmToLocalRatio())));
    StringBuilder text = new StringBuilder(table.render()).append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "reads: the median of %d (local, warm) or a single one (cold); client: this JVM"
                + " (producer, consumer, or the plugin itself for the upload); CPU: user and"
                + " system time%n",
            TieredBenchRun.READS));
    text.append(
        String.format(
            Locale.ROOT,
            "machine: %d processors, load average %s at start%n",
            machine.availableProcessors(),
            machine.loadAverageAtStart() < 0
                ? "unknown"
                : String.format(Locale.ROOT, "%.2f", machine.loadAverageAtStart())));
    text.append(
        String.format(
            Locale.ROOT,
            "data: %d MB per topic (%d records of %d-byte key and %d-byte value), %d partitions,"
                + " encryption %s%n",
            settings.megabytes(),
            settings.records(),
            RecordPayloads.KEY_BYTES,
            RecordPayloads.VALUE_BYTES,
            settings.partitions(),
            settings.encryption()));
    PluginUpload.Result upload = figures.upload();
    long uploaded = upload.measurement().throughput().bytes();
    text.append(
        String.format(
            Locale.ROOT,
            "upload: %d closed segments, %.1f MB stored as %.1f MB (%s), one segment at a time,"
                + " broker stopped%n",
            upload.segments(),
            megabytes(uploaded),
            megabytes(upload.storedBytes()),
            percent((double) upload.storedBytes() / uploaded)));
    text.append(
        String.format(
            Locale.ROOT,
            "tiered topic: %s of its records read from the object store; tiered %.0fs after the"
                + " last write%n",
            percent(figures.tiering().remoteShare()),
            figures.tieringTime().toMillis() / 1000.0));
    double cold = figures.coldToLocalRatio();
    text.append(
        String.format(
            Locale.ROOT,
            "goal: cold remote read %s %s of local read: %s (%s)%n",
            unicode ? "≥" : ">=",
            percent(COLD_READ_GOAL),
            cold >= COLD_READ_GOAL ? "met" : "not met",
            percent(cold)));
    return text.toString();
  }

  private static String[] row(String measure, Measurement measurement, String versusLocal) {
    return new String[] {
      measure,
      String.format(Locale.ROOT, "%.1f", measurement.megabytesPerSecond()),
      String.format(Locale.ROOT, "%.2f", measurement.throughput().seconds()),
      versusLocal,
      millis(measurement.brokerCpuMillisPerMegabyte()),
      millis(measurement.clientCpuMillisPerMegabyte())
    };
  }

  private static String millis(double millis) {
    return millis < 0 ? "-" : String.format(Locale.ROOT, "%.1f", millis);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static double megabytes(long bytes) {
    return bytes / Throughput.BYTES_PER_MB;
  }
}
