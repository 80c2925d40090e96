package io.stratus.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Seals a short secret (a Kafka client password) to one agent so that it can cross the state topics
 * without ever being readable there: RSA-OAEP with SHA-256 for both the digest and MGF1. Stateless
 * and thread-safe.
 */
public final class SealedSecrets {

  private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

  private SealedSecrets() {}

  /** A new agent key pair (RSA 3072). */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }

  /** The public key in the form agents publish it: X.509 DER, base64. */
  public static String encodePublicKey(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * Seals the secret to the agent that published {@code publicKey}.
   *
   * @throws IllegalArgumentException if the key is not a base64 X.509 RSA public key
   */
  public static String seal(String publicKey, String secret) {
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, OAEP);
      return Base64.getEncoder()
          .encodeToString(cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable agent public key: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a secret sealed to this agent.
   *
   * @throws IllegalArgumentException if it was not sealed with this agent's public key
   */
  public static String open(PrivateKey key, String sealed) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, OAEP);
      return new String(cipher.doFinal(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot open a sealed secret: " + e.getMessage(), e);
    }
  }
}
