package io.stratus.dataplane.reconcile;

import java.util.Arrays;

/** Orders Apache Kafka release versions ({@code major.minor.patch}) numerically. Pure. */
public final class KafkaVersionOrder {

  private KafkaVersionOrder() {}

  /** Whether {@code a} is an older release than {@code b}. */
  public static boolean older(String a, String b) {
    int[] left = numbers(a);
    int[] right = numbers(b);
    return Arrays.compare(left, right) < 0;
  }

  private static int[] numbers(String version) {
    return Arrays.stream(version.split("[.-]"))
        .limit(3)
        .mapToInt(
            part ->
                part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    ? Integer.parseInt(part)
                    : 0)
        .toArray();
  }
}
