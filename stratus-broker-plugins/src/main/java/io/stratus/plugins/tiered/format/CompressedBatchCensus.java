package io.stratus.plugins.tiered.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Counts, per chunk of a segment file, the bytes that lie in record batches a producer already
 * compressed, so the writer can skip compressing chunks that would not shrink.
 *
 * <p>It reads the fixed batch header fields directly (offset, length, magic, attributes) rather
 * than through kafka-clients' record classes: that layout is Kafka's stable on-disk format, while
 * the classes moved to an internal package in Kafka 4.4. Every batch starts with an 8-byte base
 * offset and a 4-byte length of the rest; the compression codec is the low three bits of the
 * attributes, a 2-byte field at byte 21 for magic 2 and a 1-byte field at byte 17 for magic 0 and
 * 1. A header that does not make sense ends the census: the rest counts as uncompressed, which only
 * costs a compression attempt.
 *
 * <p>Immutable once built; thread-safe.
 */
public final class CompressedBatchCensus {

  private static final int LENGTH_OFFSET = 8;
  private static final int MAGIC_OFFSET = 16;
  private static final int LEGACY_ATTRIBUTES_OFFSET = 17;
  private static final int ATTRIBUTES_OFFSET = 21;
  private static final int HEADER_BYTES = 23;
  private static final int LOG_OVERHEAD = 12;
  private static final int COMPRESSION_CODEC_MASK = 0x07;
  private static final int WINDOW_BYTES = 64 * 1024;

  private final long[] compressedBytes;

  private CompressedBatchCensus(long[] compressedBytes) {
    this.compressedBytes = compressedBytes;
  }

  /** A census that counts nothing as compressed, for when compression is off. */
  public static CompressedBatchCensus none(long size, int chunkSize) {
    return new CompressedBatchCensus(new long[chunkCount(size, chunkSize)]);
  }

  /** Scans the batch headers of the first {@code size} bytes of {@code segment}. */
  public static CompressedBatchCensus scan(FileChannel segment, long size, int chunkSize)
      throws IOException {
    long[] compressed = new long[chunkCount(size, chunkSize)];
    ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    long windowStart = 0;
    int windowLength = 0;
    long position = 0;
    while (position + HEADER_BYTES <= size) {
      if (position < windowStart || position + HEADER_BYTES > windowStart + windowLength) {
        windowStart = position;
        windowLength = fill(segment, window, position, size);
        if (windowLength < HEADER_BYTES) {
          break;
        }
      }
      int at = (int) (position - windowStart);
      int length = window.getInt(at + LENGTH_OFFSET);
      byte magic = window.get(at + MAGIC_OFFSET);
      long batchSize = LOG_OVERHEAD + (long) length;
      if (length <= 0 || magic < 0 || magic > 2 || position + batchSize > size) {
        break;
      }
      int attributes =
          magic >= 2
              ? window.getShort(at + ATTRIBUTES_OFFSET)
              : window.get(at + LEGACY_ATTRIBUTES_OFFSET);
      if ((attributes & COMPRESSION_CODEC_MASK) != 0) {
        count(compressed, chunkSize, position, batchSize);
      }
      position += batchSize;
    }
    return new CompressedBatchCensus(compressed);
  }

  /** Bytes of chunk {@code chunk} that lie in compressed batches. */
  public long compressedBytes(int chunk) {
    return compressedBytes[chunk];
  }

  /** True when more than half of the chunk's {@code chunkLength} bytes are already compressed. */
  public boolean mostlyCompressed(int chunk, int chunkLength) {
    return compressedBytes[chunk] * 2 > chunkLength;
  }

  private static void count(long[] compressed, int chunkSize, long start, long length) {
    long end = start + length;
    for (long chunkStart = start - start % chunkSize; chunkStart < end; chunkStart += chunkSize) {
      long overlap = Math.min(end, chunkStart + chunkSize) - Math.max(start, chunkStart);
      compressed[(int) (chunkStart / chunkSize)] += overlap;
    }
  }

  private static int fill(FileChannel segment, ByteBuffer window, long position, long size)
      throws IOException {
    window.clear();
    window.limit((int) Math.min(window.capacity(), size - position));
    while (window.hasRemaining()) {
      int read = segment.read(window, position + window.position());
      if (read < 0) {
        break;
      }
    }
    return window.position();
  }

  static int chunkCount(long size, int chunkSize) {
    return (int) ((size + chunkSize - 1) / chunkSize);
  }
}
