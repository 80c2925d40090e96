package io.stratus.plugins.tiered.store;

/**
 * The one rule every backend applies to object keys, so they all accept the same keys. Stateless
 * and thread-safe.
 */
final class ObjectKeys {

  private ObjectKeys() {}

  /**
   * @throws IllegalArgumentException unless {@code key} is non-empty, relative, '/'-separated and
   *     free of {@code ..} and backslashes
   */
  static String requireValid(String key) {
    if (key == null
        || key.isEmpty()
        || key.startsWith("/")
        || key.contains("..")
        || key.contains("\\")) {
      throw new IllegalArgumentException(
          "object key must be relative, '/'-separated and without '..', got '" + key + "'");
    }
    return key;
  }

  /** Rejects negative ranges before any backend sees them. */
  static void requireValidRange(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must be >= 0, got " + offset + " and " + length);
    }
  }
}
