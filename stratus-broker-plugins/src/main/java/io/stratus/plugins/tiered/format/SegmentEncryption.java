package io.stratus.plugins.tiered.format;

import io.stratus.plugins.tiered.crypto.DataKey;
import io.stratus.plugins.tiered.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Envelope encryption of one segment: a fresh {@link DataKey} per segment, stored wrapped by the
 * {@link MasterKey} and bound to the segment id, so a wrapped key copied into another segment's
 * manifest does not unwrap. Stateless; thread-safe.
 */
public final class SegmentEncryption {

  private static final String KEY_AAD_DOMAIN = "stratus-tiered-storage/data-key/v1|";

  private SegmentEncryption() {}

  /**
   * How a new segment is encrypted: its data key (empty when encryption is off) and what the
   * manifest records about it.
   */
  public record Plan(Optional<DataKey> dataKey, EncryptionInfo info) {}

  /** A plan for writing segment {@code segmentId}; encryption is on when a master key is set. */
  public static Plan forWriting(
      Optional<MasterKey> masterKey, String segmentId, SecureRandom random) {
    if (masterKey.isEmpty()) {
      return new Plan(Optional.empty(), new EncryptionInfo.None());
    }
    DataKey dataKey = DataKey.generate(random);
    byte[] wrapped = masterKey.get().wrap(dataKey, keyAad(segmentId), random);
    return new Plan(
        Optional.of(dataKey),
        new EncryptionInfo.Aes256Gcm(
            EncryptionInfo.Aes256Gcm.KEY_WRAP,
            Base64.getEncoder().encodeToString(wrapped),
            masterKey.get().fingerprint()));
  }

  /**
   * The data key of a stored segment (empty when it is not encrypted).
   *
   * @throws SegmentFormatException when the segment needs a master key this broker does not have,
   *     or its wrapped key does not authenticate
   */
  public static Optional<DataKey> forReading(
      EncryptionInfo info, Optional<MasterKey> masterKey, String segmentId, SecureRandom random)
      throws SegmentFormatException {
    if (!(info instanceof EncryptionInfo.Aes256Gcm aes)) {
      return Optional.empty(); // EncryptionInfo.None, the only other kind
    }
    if (!EncryptionInfo.Aes256Gcm.KEY_WRAP.equals(aes.keyWrap())) {
      throw new SegmentFormatException(
          "segment "
              + segmentId
              + " wraps its data key with '"
              + aes.keyWrap()
              + "', but this plugin knows only "
              + EncryptionInfo.Aes256Gcm.KEY_WRAP);
    }
    if (masterKey.isEmpty()) {
      throw new SegmentFormatException(
          "segment "
              + segmentId
              + " is encrypted under master key "
              + aes.masterKeyFingerprint()
              + ", but this broker has no encryption.key.file configured");
    }
    if (!masterKey.get().fingerprint().equals(aes.masterKeyFingerprint())) {
      throw new SegmentFormatException(
          "segment "
              + segmentId
              + " is encrypted under master key "
              + aes.masterKeyFingerprint()
              + ", but encryption.key.file holds master key "
              + masterKey.get().fingerprint()
              + "; configure the key the segment was written with");
    }
    try {
      byte[] wrapped = Base64.getDecoder().decode(aes.wrappedDataKey());
      return Optional.of(masterKey.get().unwrap(wrapped, keyAad(segmentId), random));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SegmentFormatException(
          "the data key of segment "
              + segmentId
              + " does not unwrap under master key "
              + aes.masterKeyFingerprint()
              + ": the manifest was changed or belongs to another segment",
          e);
    }
  }

  private static byte[] keyAad(String segmentId) {
    return (KEY_AAD_DOMAIN + segmentId).getBytes(StandardCharsets.UTF_8);
  }
}
