package io.stratus.plugins.tiered.cache;

/**
 * Names one decoded chunk: the segment and the byte range of the original segment file it holds.
 * The range rather than the chunk number is the key, so a segment copied again with another chunk
 * size can never be served a stale chunk.
 *
 * @param segmentId the segment's uuid (base64url, safe in file names)
 * @param originalOffset position of the chunk in the segment file
 * @param originalLength bytes in the chunk
 */
public record ChunkKey(String segmentId, long originalOffset, int originalLength) {

  public ChunkKey {
    if (segmentId == null || !segmentId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "segment id must be base64url characters, got '" + segmentId + "'");
    }
  }

  String fileName() {
    return segmentId + "-" + originalOffset + "-" + originalLength + ".chunk";
  }
}
