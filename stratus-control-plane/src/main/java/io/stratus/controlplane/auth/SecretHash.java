package io.stratus.controlplane.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a secret as lowercase hex, and its constant-time comparison. Stateless. */
public final class SecretHash {

  private SecretHash() {}

  /** SHA-256 of the secret's UTF-8 bytes, lowercase hex. */
  public static String of(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Whether the secret hashes to {@code expectedHash}, in time independent of where they differ.
   */
  public static boolean matches(String secret, String expectedHash) {
    return MessageDigest.isEqual(
        of(secret).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
