package io.stratus.controlplane.auth;

import java.util.random.RandomGenerator;

/**
 * Random strings over fixed alphabets, for key ids and secrets. Stateless; as strong as the
 * generator given (a {@link java.security.SecureRandom} for anything secret).
 */
public final class RandomText {

  /** {@code A-Z 0-9}. */
  public static final String UPPER_ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** {@code a-z 0-9}. */
  public static final String LOWER_ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** {@code A-Z a-z 0-9}: characters that need no escaping in URLs, JAAS files or shells. */
  public static final String ALPHANUMERICS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RandomText() {}

  /** {@code length} characters drawn uniformly from the alphabet. */
  public static String of(RandomGenerator random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
