package io.stratus.cli.bench;

import java.util.Optional;

/**
 * The memory of one process as {@code /proc/<pid>/status} reports it.
 *
 * @param rssKib resident set size now ({@code VmRSS}), in KiB
 * @param hwmKib the largest resident set size the process has had ({@code VmHWM}), in KiB
 */
record ProcStatus(long rssKib, long hwmKib) {

  private static final String RSS = "VmRSS:";
  private static final String HWM = "VmHWM:";

  /**
   * Reads the two figures from the text of a status file, e.g. {@code VmRSS:\t 123456 kB}.
   *
   * @return empty when either line is missing or unreadable, as for kernel threads and zombies
   */
  static Optional<ProcStatus> parse(String statusText) {
    Optional<Long> rss = Optional.empty();
    Optional<Long> hwm = Optional.empty();
    for (String line : statusText.split("\n")) {
      if (line.startsWith(RSS)) {
        rss = kibibytes(line.substring(RSS.length()));
      } else if (line.startsWith(HWM)) {
        hwm = kibibytes(line.substring(HWM.length()));
      }
    }
    if (rss.isEmpty() || hwm.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProcStatus(rss.get(), hwm.get()));
  }

  /** {@code " 123456 kB"}: the kernel always writes these figures in kB (KiB). */
  private static Optional<Long> kibibytes(String value) {
    String[] parts = value.strip().split("\\s+");
    if (parts.length != 2 || !parts[1].equals("kB")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(parts[0]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
