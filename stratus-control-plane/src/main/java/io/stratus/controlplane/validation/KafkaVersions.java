package io.stratus.controlplane.validation;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Apache Kafka versions clusters may run, and the one they get when they ask for none.
 *
 * @param supported every version a cluster may ask for
 * @param defaultVersion the version of a cluster that asks for none; one of {@code supported}
 */
public record KafkaVersions(Set<String> supported, String defaultVersion) {

  /**
   * Versions from oldest to newest, compared part by part as numbers ({@code major.minor.patch}),
   * so that 4.10.0 is newer than 4.9.1. A missing part counts as 0; a part that is not a number
   * counts by its leading digits, so that {@code 4.4.0-rc1} ranks with 4.4.0.
   */
  public static final Comparator<String> OLDEST_FIRST = KafkaVersions::compare;

  public KafkaVersions {
    supported = Set.copyOf(supported);
    Objects.requireNonNull(defaultVersion, "defaultVersion");
    if (!supported.contains(defaultVersion)) {
      throw new IllegalArgumentException(
          "the default Kafka version " + defaultVersion + " is not among " + supported);
    }
  }

  /** Whether a cluster may run this version. */
  public boolean isSupported(String version) {
    return supported.contains(version);
  }

  /** Whether {@code version} is older than {@code than}, by {@link #OLDEST_FIRST}. */
  public static boolean isOlder(String version, String than) {
    return compare(version, than) < 0;
  }

  /** The supported versions as a user reads them, oldest first. */
  public String describe() {
    return supported.stream().sorted(OLDEST_FIRST).collect(Collectors.joining(", "));
  }

  private static int compare(String left, String right) {
    String[] leftParts = left.split("\\.", -1);
    String[] rightParts = right.split("\\.", -1);
    for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
      long leftNumber = i < leftParts.length ? leadingNumber(leftParts[i]) : 0;
      long rightNumber = i < rightParts.length ? leadingNumber(rightParts[i]) : 0;
      if (leftNumber != rightNumber) {
        return Long.compare(leftNumber, rightNumber);
      }
    }
    return 0;
  }

  private static long leadingNumber(String part) {
    int end = 0;
    // 18 digits always fit in a long.
    while (end < part.length() && end < 18 && isAsciiDigit(part.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
