package io.stratus.dataplane.substrate;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The platform's own superuser of one cluster, used on the internal and controller listeners
 * (SASL/PLAIN) between nodes and by the platform's admin client. {@link #toString()} hides the
 * password so that it never reaches a log.
 *
 * @param username the Kafka principal name
 * @param password the secret
 */
public record InternalCredentials(String username, String password) {

  /** The internal user's name in every cluster. */
  public static final String USERNAME = "stratus-internal";

  private static final int PASSWORD_BYTES = 24;

  public InternalCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (!password.matches("[A-Za-z0-9_-]+")) {
      // Quotes or backslashes would break the JAAS configuration the password is written into.
      throw new IllegalArgumentException("internal password must be base64url characters");
    }
  }

  /** New credentials for {@link #USERNAME} with a password drawn from {@code random}. */
  public static InternalCredentials generate(RandomGenerator random) {
    byte[] secret = new byte[PASSWORD_BYTES];
    random.nextBytes(secret);
    return new InternalCredentials(
        USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The SASL/PLAIN login a client (the platform's admin, Kafka's metadata manager) sends. */
  public String clientJaas() {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + username
        + "\" password=\""
        + password
        + "\";";
  }

  @Override
  public String toString() {
    return "InternalCredentials[username=" + username + ", password=***]";
  }
}
