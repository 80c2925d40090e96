package io.stratus.plugins.tiered.format;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Whether and how a segment's blocks are encrypted. Never holds a key in the clear: only the data
 * key wrapped by the master key, and the master key's fingerprint.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "algorithm")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EncryptionInfo.None.class, name = EncryptionInfo.None.ALGORITHM),
  @JsonSubTypes.Type(
      value = EncryptionInfo.Aes256Gcm.class,
      name = EncryptionInfo.Aes256Gcm.ALGORITHM)
})
public sealed interface EncryptionInfo permits EncryptionInfo.None, EncryptionInfo.Aes256Gcm {

  /** Blocks are stored in the clear (possibly compressed). */
  record None() implements EncryptionInfo {
    public static final String ALGORITHM = "none";
  }

  /**
   * Every block is sealed with AES-256-GCM under a per-segment data key, with a random 12-byte
   * nonce in front of each block and the segment id, block name and compression as additional
   * authenticated data.
   *
   * @param keyWrap how the data key is wrapped ({@value #KEY_WRAP}: AES-256-GCM under the master
   *     key, bound to the segment id)
   * @param wrappedDataKey the wrapped data key, base64
   * @param masterKeyFingerprint which master key wrapped it
   */
  record Aes256Gcm(String keyWrap, String wrappedDataKey, String masterKeyFingerprint)
      implements EncryptionInfo {
    public static final String ALGORITHM = "AES-256-GCM";
    public static final String KEY_WRAP = "AES-256-GCM";

    public Aes256Gcm {
      if (keyWrap == null || wrappedDataKey == null || masterKeyFingerprint == null) {
        throw new IllegalArgumentException(
            "AES-256-GCM encryption needs keyWrap, wrappedDataKey and masterKeyFingerprint");
      }
    }
  }
}
