package io.stratus.plugins.tiered.format;

/**
 * One index of a segment and where its encoded form is in the {@code .indexes} object.
 *
 * @param type which index
 * @param originalLength size of the index as Kafka handed it over
 * @param storedOffset position of the encoded index in the {@code .indexes} object
 * @param storedLength size of the encoded index
 * @param compression how the index was compressed before any encryption
 */
public record IndexEntry(
    SegmentIndex type,
    int originalLength,
    long storedOffset,
    int storedLength,
    BlockCompression compression) {

  public IndexEntry {
    if (type == null || compression == null) {
      throw new IllegalArgumentException("index type and compression are required");
    }
    if (originalLength < 0 || storedOffset < 0 || storedLength < 0) {
      throw new IllegalArgumentException("index offsets and lengths must be >= 0, got " + this);
    }
  }
}
