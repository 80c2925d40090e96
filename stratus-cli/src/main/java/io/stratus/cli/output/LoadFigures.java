package io.stratus.cli.output;

import java.util.Locale;

/**
 * Load figures as people read them, by the resource they measure: counts for replicas and leaders,
 * bytes for disk, bytes per second for network. Pure.
 */
public final class LoadFigures {

  private LoadFigures() {}

  /** {@code value} of the resource with this key ({@code replicas}, {@code disk}, ...). */
  public static String of(String resource, double value) {
    return switch (resource) {
      case "replicas", "leaders" -> count(value);
      case "disk" -> Bytes.readable(Math.round(value));
      case "networkIn", "networkOut" -> rate(value);
      default -> count(value);
    };
  }

  /** A rate in bytes per second, e.g. {@code 1.5 MiB/s}. */
  public static String rate(double bytesPerSecond) {
    return Bytes.readable(Math.max(0, Math.round(bytesPerSecond))) + "/s";
  }

  /** A whole number as such, anything else with one decimal. */
  public static String count(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
