package io.stratus.plugins.tiered.store;

/**
 * The one rule every backend applies to object keys, so they all accept the same keys. Stateless
 * and thread-safe.
 */
final class ObjectKeys {

  private ObjectKeys() {}

  /**
   * @throws IllegalArgumentException unless {@code key} is non-empty, relative, '/'-separated, free
   *     of backslashes and of {@code .} or {@code ..} as a whole part (Kafka allows topic names
   *     such as {@code a..b}, so dots inside a part are fine)
   */
  static String requireValid(String key) {
    if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("\\")) {
      throw invalid(key);
    }
    for (String part : key.split("/", -1)) {
      if (part.equals(".") || part.equals("..")) {
        throw invalid(key);
      }
    }
    return key;
  }

  private static IllegalArgumentException invalid(String key) {
    return new IllegalArgumentException(
        "object key must be relative, '/'-separated and without '.' or '..' parts, got '"
            + key
            + "'");
  }

  /** Rejects negative ranges before any backend sees them. */
  static void requireValidRange(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must be >= 0, got " + offset + " and " + length);
    }
  }
}
