package io.stratus.plugins.tiered.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random AES-256 key that encrypts one segment's chunks and indexes. It is stored only wrapped by
 * the {@link MasterKey}. Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class DataKey {

  static final int KEY_BYTES = 32;

  private final SecretKey key;
  private final SecureRandom random;

  DataKey(byte[] keyBytes, SecureRandom random) {
    this.key = new SecretKeySpec(keyBytes, "AES");
    this.random = random;
  }

  /** A fresh key for a new segment. */
  public static DataKey generate(SecureRandom random) {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return new DataKey(bytes, random);
  }

  /** Encrypts {@code plaintext} under a fresh random nonce, bound to {@code aad}. */
  public byte[] seal(byte[] plaintext, byte[] aad) {
    return AesGcm.seal(key, random, plaintext, aad);
  }

  /**
   * Decrypts a value sealed under this key with the same {@code aad}.
   *
   * @throws GeneralSecurityException when the value or its context does not authenticate
   */
  public byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
    return AesGcm.open(key, sealed, aad);
  }

  /** The number of bytes sealing adds to a value. */
  public static int overheadBytes() {
    return AesGcm.OVERHEAD_BYTES;
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "DataKey(AES-256, hidden)";
  }
}
