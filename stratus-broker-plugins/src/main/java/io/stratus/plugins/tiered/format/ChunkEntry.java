package io.stratus.plugins.tiered.format;

/**
 * One chunk of a segment: where its bytes are in the original segment file and where its encoded
 * form is in the {@code .log} object.
 *
 * @param originalOffset position of the chunk's first byte in the segment file
 * @param originalLength number of segment bytes in the chunk
 * @param storedOffset position of the encoded chunk in the {@code .log} object
 * @param storedLength size of the encoded chunk (with nonce and tag when encrypted)
 * @param compression how the chunk was compressed before any encryption
 */
public record ChunkEntry(
    long originalOffset,
    int originalLength,
    long storedOffset,
    int storedLength,
    BlockCompression compression) {

  public ChunkEntry {
    if (originalOffset < 0 || originalLength < 0 || storedOffset < 0 || storedLength < 0) {
      throw new IllegalArgumentException("chunk offsets and lengths must be >= 0, got " + this);
    }
    if (compression == null) {
      throw new IllegalArgumentException("chunk compression is required");
    }
  }

  /** Position just past the chunk's last byte in the segment file. */
  public long originalEnd() {
    return originalOffset + originalLength;
  }
}
