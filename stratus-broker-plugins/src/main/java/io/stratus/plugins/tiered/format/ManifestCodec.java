package io.stratus.plugins.tiered.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * Reads and writes {@link SegmentManifest}s as JSON. Reading checks the {@code version} field
 * first: a newer version than {@link #CURRENT_VERSION} is rejected with a message saying to upgrade
 * the plugin; every older version stays readable. Unknown fields are ignored so fields can be added
 * without a version change. Thread-safe.
 */
public final class ManifestCodec {

  /** The version this code writes, and the newest it reads. */
  public static final int CURRENT_VERSION = 1;

  private static final int OLDEST_VERSION = 1;

  private final ObjectMapper mapper =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  /** The JSON form of {@code manifest}. */
  public byte[] write(SegmentManifest manifest) {
    try {
      return mapper.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize manifest " + manifest.segment(), e);
    }
  }

  /**
   * Reads the manifest stored under {@code key}.
   *
   * @throws SegmentFormatException when it is not JSON, has no version, a version this code does
   *     not read, or fields that do not make a valid manifest
   */
  public SegmentManifest read(byte[] json, String key) throws SegmentFormatException {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (IOException e) {
      throw new SegmentFormatException(
          "manifest " + key + " is not valid JSON: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new SegmentFormatException("manifest " + key + " is not a JSON object");
    }
    JsonNode version = tree.get("version");
    if (version == null || !version.isInt()) {
      throw new SegmentFormatException(
          "manifest " + key + " has no integer 'version' field, so it was not written by Stratus");
    }
    checkReadable(version.intValue(), key);
    try {
      return mapper.treeToValue(upgrade(tree), SegmentManifest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SegmentFormatException(
          "manifest " + key + " (version " + version.intValue() + ") is invalid: " + e.getMessage(),
          e);
    }
  }

  private static void checkReadable(int version, String key) throws SegmentFormatException {
    if (version > CURRENT_VERSION) {
      throw new SegmentFormatException(
          "manifest "
              + key
              + " has format version "
              + version
              + ", but this plugin reads versions "
              + OLDEST_VERSION
              + " to "
              + CURRENT_VERSION
              + "; upgrade the Stratus broker plugin on this broker");
    }
    if (version < OLDEST_VERSION) {
      throw new SegmentFormatException(
          "manifest " + key + " has format version " + version + ", which has never existed");
    }
  }

  /** Rewrites an older manifest into the current shape; version 1 is the first, so none yet. */
  private static JsonNode upgrade(JsonNode tree) {
    return tree;
  }
}
