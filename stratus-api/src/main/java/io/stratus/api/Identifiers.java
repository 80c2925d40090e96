package io.stratus.api;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The forms of the identifiers users see, and how new ones are drawn. */
public final class Identifiers {

  private static final String LOWER_ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern CLUSTER_ID = Pattern.compile("lkc-[a-z0-9]{6}");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private Identifiers() {}

  /** A new cluster id: {@code lkc-} and six lowercase alphanumerics. */
  public static String newClusterId(RandomGenerator random) {
    return "lkc-" + lowerAlphanumerics(random, 6);
  }

  /** A new balance request id: {@code br-} and twelve lowercase alphanumerics. */
  public static String newBalanceRequestId(RandomGenerator random) {
    return "br-" + lowerAlphanumerics(random, 12);
  }

  /** Whether the text has the form of a cluster id. */
  public static boolean isClusterId(String text) {
    return text != null && CLUSTER_ID.matcher(text).matches();
  }

  /**
   * Whether the text is a DNS label: 1 to 63 of {@code a-z 0-9 -}, starting with a letter and
   * ending with a letter or digit.
   */
  public static boolean isDnsLabel(String text) {
    return text != null && DNS_LABEL.matcher(text).matches();
  }

  private static String lowerAlphanumerics(RandomGenerator random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(LOWER_ALPHANUMERICS.charAt(random.nextInt(LOWER_ALPHANUMERICS.length())));
    }
    return text.toString();
  }
}
