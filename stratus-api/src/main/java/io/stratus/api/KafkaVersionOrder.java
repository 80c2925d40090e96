package io.stratus.api;

import java.util.Comparator;

/**
 * Orders Apache Kafka release versions ({@code major.minor.patch}) as numbers, so that 4.10.0 is
 * newer than 4.9.1; a part's leading digits count, anything after them is ignored. Used wherever a
 * version change must be told from a downgrade. Stateless and thread-safe.
 */
public final class KafkaVersionOrder {

  /** Oldest release first. */
  public static final Comparator<String> OLDEST_FIRST = KafkaVersionOrder::compare;

  private KafkaVersionOrder() {}

  /** Whether {@code version} is an older release than {@code than}. */
  public static boolean older(String version, String than) {
    return compare(version, than) < 0;
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
    while (end < part.length() && end < 18 && part.charAt(end) >= '0' && part.charAt(end) <= '9') {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
  }
}
