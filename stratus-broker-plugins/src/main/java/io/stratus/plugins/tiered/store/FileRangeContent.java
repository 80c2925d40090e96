package io.stratus.plugins.tiered.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The bytes {@code [offset, offset + length)} of a file as a request body the SDK can read again
 * from the start (to sign it, or to retry), without holding the part in memory. Each new stream
 * closes the previous one; {@link #close()} closes the last. Not thread-safe: one per request.
 */
final class FileRangeContent implements ContentStreamProvider, AutoCloseable {

  private final Path file;
  private final long offset;
  private final long length;
  private InputStream current;

  FileRangeContent(Path file, long offset, long length) {
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public InputStream newStream() {
    close();
    try {
      current = new RangeStream(FileChannel.open(file, StandardOpenOption.READ));
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + file + " to upload it", e);
    }
  }

  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // Reading is over; a file that fails to close has nothing left to tell us.
      }
      current = null;
    }
  }

  private final class RangeStream extends InputStream {
    private final FileChannel channel;
    private long read;

    RangeStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int from, int count) throws IOException {
      if (read == length) {
        return -1;
      }
      int wanted = (int) Math.min(count, length - read);
      int got = channel.read(ByteBuffer.wrap(buffer, from, wanted), offset + read);
      if (got < 0) {
        throw new EOFException(
            file
                + " ended at byte "
                + (offset + read)
                + " before "
                + (offset + length)
                + ": it changed during the upload");
      }
      read += got;
      return got;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, length - read);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
