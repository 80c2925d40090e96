package io.stratus.plugins.tiered.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM sealing with a random 12-byte nonce stored in front of the ciphertext: {@code sealed =
 * nonce || ciphertext || 16-byte tag}. The additional authenticated data binds a sealed value to
 * where it belongs, so it cannot be moved elsewhere unnoticed. Stateless and thread-safe.
 */
final class AesGcm {

  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  static final int OVERHEAD_BYTES = NONCE_BYTES + TAG_BITS / 8;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  static byte[] seal(SecretKey key, SecureRandom random, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
      return written + NONCE_BYTES == sealed.length
          ? sealed
          : Arrays.copyOf(sealed, NONCE_BYTES + written);
    } catch (GeneralSecurityException e) {
      // AES-GCM is mandatory in every Java SE runtime; failing here means a broken JVM.
      throw new IllegalStateException("AES-GCM encryption is not available in this JVM", e);
    }
  }

  /**
   * Opens a value sealed by {@link #seal}.
   *
   * @throws GeneralSecurityException ({@link javax.crypto.AEADBadTagException}) when the key is
   *     wrong, or the value or its additional data were changed
   */
  static byte[] open(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
    if (sealed.length < OVERHEAD_BYTES) {
      throw new javax.crypto.AEADBadTagException(
          "sealed value has " + sealed.length + " bytes, fewer than nonce and tag need");
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
    cipher.updateAAD(aad);
    return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
  }
}
