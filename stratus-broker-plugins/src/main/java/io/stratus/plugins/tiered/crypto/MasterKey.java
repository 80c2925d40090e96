package io.stratus.plugins.tiered.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's AES-256 key that wraps every segment's {@link DataKey}. Read from a file holding
 * either 32 raw bytes or the base64 encoding of 32 bytes. Only its {@link #fingerprint()} (a
 * truncated, domain-separated SHA-256) is ever stored or logged. Immutable and thread-safe.
 */
public final class MasterKey {

  private static final byte[] FINGERPRINT_DOMAIN =
      "stratus-tiered-storage/master-key-fingerprint/v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKey key;
  private final String fingerprint;

  private MasterKey(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, "AES");
    this.fingerprint = fingerprintOf(keyBytes);
  }

  /**
   * Reads a master key file.
   *
   * @throws IllegalArgumentException when the file cannot be read or does not hold a 256-bit key,
   *     saying what was found and what is allowed
   */
  public static MasterKey readFile(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read master key file " + file + ": " + e, e);
    }
    return new MasterKey(parse(content, file));
  }

  /**
   * Creates {@code file}, readable and writable by its owner only, holding a new random key as
   * base64 text, the form {@link #readFile} reads.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   * @throws UnsupportedOperationException if the file system has no POSIX permissions
   */
  public static void writeNewKeyFile(Path file, SecureRandom random) throws IOException {
    byte[] key = new byte[DataKey.KEY_BYTES];
    random.nextBytes(key);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, Base64.getEncoder().encode(key));
  }

  /** A key from its 32 raw bytes (tests and tools). */
  public static MasterKey of(byte[] keyBytes) {
    if (keyBytes.length != DataKey.KEY_BYTES) {
      throw new IllegalArgumentException(
          "a master key has exactly 32 bytes (AES-256), got " + keyBytes.length);
    }
    return new MasterKey(keyBytes.clone());
  }

  private static byte[] parse(byte[] content, Path file) {
    if (content.length == DataKey.KEY_BYTES) {
      return content;
    }
    String text = new String(content, StandardCharsets.US_ASCII).strip();
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      throw wrongSize(file, content.length + " bytes that are not base64");
    }
    if (decoded.length != DataKey.KEY_BYTES) {
      throw wrongSize(file, content.length + " bytes of base64 that decode to " + decoded.length);
    }
    return decoded;
  }

  private static IllegalArgumentException wrongSize(Path file, String found) {
    return new IllegalArgumentException(
        "master key file "
            + file
            + " holds "
            + found
            + "; it must hold exactly 32 raw bytes or the base64 encoding of 32 bytes (an AES-256"
            + " key), for example from 'openssl rand -base64 32'");
  }

  private static String fingerprintOf(byte[] keyBytes) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(FINGERPRINT_DOMAIN);
      byte[] digest = sha256.digest(keyBytes);
      return "sha256:" + HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Identifies the key without revealing it, e.g. {@code sha256:0123456789abcdef}. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Encrypts {@code dataKey} under this key, bound to {@code aad}. */
  public byte[] wrap(DataKey dataKey, byte[] aad, SecureRandom random) {
    return AesGcm.seal(key, random, dataKey.secretKey().getEncoded(), aad);
  }

  /**
   * Recovers a data key wrapped by {@link #wrap} with the same {@code aad}.
   *
   * @throws GeneralSecurityException when this is not the key that wrapped it, or the wrapped key
   *     or its context were changed
   */
  public DataKey unwrap(byte[] wrapped, byte[] aad, SecureRandom random)
      throws GeneralSecurityException {
    byte[] keyBytes = AesGcm.open(key, wrapped, aad);
    if (keyBytes.length != DataKey.KEY_BYTES) {
      throw new GeneralSecurityException(
          "unwrapped data key has " + keyBytes.length + " bytes, expected 32");
    }
    return new DataKey(keyBytes, random);
  }

  @Override
  public String toString() {
    return "MasterKey(" + fingerprint + ")";
  }
}
