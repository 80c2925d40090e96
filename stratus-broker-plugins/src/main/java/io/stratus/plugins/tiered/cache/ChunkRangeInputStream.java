package io.stratus.plugins.tiered.cache;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes {@code start..end} (both inclusive) of a chunked segment, pulling one chunk at a time
 * from a {@link Source} only when the reader gets to it, and slicing the first and last chunks to
 * the range. {@link #skip} moves without loading the chunks it passes over. Not thread-safe, like
 * any {@link InputStream}.
 */
public final class ChunkRangeInputStream extends InputStream {

  /** Where the chunks come from. */
  public interface Source {

    /** The chunk holding segment byte {@code position}. */
    int chunkAt(long position);

    /** Position of chunk {@code index}'s first byte in the segment. */
    long chunkStart(int index);

    /** The decoded bytes of chunk {@code index}. */
    byte[] chunk(int index) throws ChunkLoadException;
  }

  private final Source source;
  private final long end;
  private long position;
  private byte[] current;
  private long currentStart;
  private boolean closed;

  /**
   * @param start first segment byte to return
   * @param end last segment byte to return; {@code end < start} makes an empty stream
   */
  public ChunkRangeInputStream(Source source, long start, long end) {
    this.source = source;
    this.position = start;
    this.end = end;
  }

  /**
   * Loads the chunk the range starts in, so a caller can see a failure before handing the stream
   * on.
   */
  public void openFirstChunk() throws ChunkLoadException {
    if (position <= end) {
      load();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    ensureOpen();
    if (position > end) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    if (!currentHolds(position)) {
      try {
        load();
      } catch (ChunkLoadException e) {
        throw new IOException(
            "could not read segment bytes at position " + position + ": " + e.getMessage(), e);
      }
    }
    int within = (int) (position - currentStart);
    int count = (int) Math.min(length, Math.min(current.length - within, end - position + 1));
    System.arraycopy(current, within, buffer, offset, count);
    position += count;
    return count;
  }

  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    long skipped = Math.max(0, Math.min(n, end - position + 1));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    ensureOpen();
    if (position > end || !currentHolds(position)) {
      return 0;
    }
    return (int) Math.min(current.length - (position - currentStart), end - position + 1);
  }

  @Override
  public void close() {
    closed = true;
    current = null;
  }

  private boolean currentHolds(long at) {
    return current != null && at >= currentStart && at < currentStart + current.length;
  }

  private void load() throws ChunkLoadException {
    int index = source.chunkAt(position);
    current = source.chunk(index);
    currentStart = source.chunkStart(index);
    if (!currentHolds(position)) {
      throw new IllegalStateException(
          "chunk " + index + " does not hold position " + position + " it was looked up for");
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream is closed");
    }
  }
}
