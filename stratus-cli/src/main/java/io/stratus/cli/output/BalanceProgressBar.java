package io.stratus.cli.output;

import io.stratus.api.BalanceProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line on how far a rebalance has come, e.g. {@code [##########----------] 50% 6/12 partitions
 * 1.2 GiB of 2.4 GiB 2 in flight}. Pure.
 */
public final class BalanceProgressBar {

  /** How many characters the bar between the brackets has. */
  public static final int WIDTH = 20;

  private static final String GAP = "  ";

  private BalanceProgressBar() {}

  /** The progress line. */
  public static String line(BalanceProgress progress) {
    int filled = progress.percent() * WIDTH / 100;
    List<String> parts = new ArrayList<>();
    parts.add(
        "["
            + "#".repeat(filled)
            + "-".repeat(WIDTH - filled)
            + "] "
            + String.format(Locale.ROOT, "%3d%%", progress.percent()));
    if (progress.partitionsTotal() > 0 || progress.leadersTotal() == 0) {
      parts.add(progress.partitionsDone() + "/" + progress.partitionsTotal() + " partitions");
    }
    if (progress.leadersTotal() > 0) {
      parts.add(progress.leadersDone() + "/" + progress.leadersTotal() + " leaders");
    }
    if (progress.bytesTotal() > 0) {
      parts.add(
          Bytes.readable(progress.bytesDone()) + " of " + Bytes.readable(progress.bytesTotal()));
    }
    parts.add(progress.inFlight().size() + " in flight");
    return String.join(GAP, parts);
  }
}
