package io.stratus.controlplane.auth;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST API key as a client holds it: {@code <keyId>.<secret>}, where the key id is 16 of {@code
 * A-Z 0-9} and the secret 40 of {@code a-z 0-9}. The platform stores only the key id and {@link
 * SecretHash} of the secret. {@link #toString()} hides the secret.
 *
 * @param keyId the public half, which names the key
 * @param secret the private half
 */
public record PlatformToken(String keyId, String secret) {

  /** Length of the key id. */
  public static final int KEY_ID_LENGTH = 16;

  /** Length of the secret. */
  public static final int SECRET_LENGTH = 40;

  private static final Pattern FORM =
      Pattern.compile("([A-Z0-9]{" + KEY_ID_LENGTH + "})\\.([a-z0-9]{" + SECRET_LENGTH + "})");

  /** A new token drawn from {@code random}, which must be a secure generator. */
  public static PlatformToken issue(RandomGenerator random) {
    return new PlatformToken(
        RandomText.of(random, RandomText.UPPER_ALPHANUMERICS, KEY_ID_LENGTH),
        RandomText.of(random, RandomText.LOWER_ALPHANUMERICS, SECRET_LENGTH));
  }

  /** The token in this text, unless the text does not have the form of one. */
  public static Optional<PlatformToken> parse(String text) {
    Matcher matcher = FORM.matcher(text);
    return matcher.matches()
        ? Optional.of(new PlatformToken(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /** The text a client sends after {@code Bearer }. */
  public String bearer() {
    return keyId + "." + secret;
  }

  /** What the platform stores of the secret. */
  public String secretHash() {
    return SecretHash.of(secret);
  }

  @Override
  public String toString() {
    return "PlatformToken[keyId=" + keyId + ", secret=***]";
  }
}
