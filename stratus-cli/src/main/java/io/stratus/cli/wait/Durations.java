package io.stratus.cli.wait;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h30m}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses {@code 10m}, {@code 1h30m}, {@code 45s}, {@code 500ms}, or ISO-8601 ({@code PT10M}).
   *
   * @throws IllegalArgumentException naming the accepted forms, if the text is none of them
   */
  public static Duration parse(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("pt")) {
      return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    }
    Matcher part = PART.matcher(trimmed);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
      end = part.end();
    }
    if (end == 0 || end != trimmed.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write it like 90s, 10m, 1h30m or 500ms");
    }
    return total;
  }

  /** A short form: {@code 14s}, {@code 2m05s}, {@code 1h02m}. */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
