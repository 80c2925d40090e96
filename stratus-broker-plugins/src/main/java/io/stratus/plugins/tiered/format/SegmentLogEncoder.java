package io.stratus.plugins.tiered.format;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code .log} object of a segment to a local staging file: the segment split into
 * fixed-size chunks, each encoded by a {@link BlockCodec} and concatenated, plus the chunk table
 * that says where each one went. Holds one chunk in memory at a time. Stateless; thread-safe.
 */
public final class SegmentLogEncoder {

  private SegmentLogEncoder() {}

  /**
   * The encoded log: its original and stored sizes and its chunk table.
   *
   * @param originalSize bytes in the segment file
   * @param storedSize bytes in the staging file
   * @param chunks where each chunk came from and went to
   */
  public record EncodedLog(long originalSize, long storedSize, List<ChunkEntry> chunks) {
    public EncodedLog {
      chunks = List.copyOf(chunks);
    }
  }

  /**
   * Encodes {@code segment} into {@code staging} (created or replaced).
   *
   * @throws IOException when the segment cannot be read or the staging file written
   */
  public static EncodedLog encode(Path segment, Path staging, int chunkSize, BlockCodec codec)
      throws IOException {
    try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging), 1 << 16)) {
      long size = in.size();
      CompressedBatchCensus census =
          codec.compresses()
              ? CompressedBatchCensus.scan(in, size, chunkSize)
              : CompressedBatchCensus.none(size, chunkSize);
      List<ChunkEntry> chunks = new ArrayList<>(CompressedBatchCensus.chunkCount(size, chunkSize));
      long storedOffset = 0;
      for (long offset = 0; offset < size; offset += chunkSize) {
        int index = chunks.size();
        byte[] plain = readFully(in, offset, (int) Math.min(chunkSize, size - offset));
        BlockCodec.EncodedBlock block =
            codec.encode(
                plain, !census.mostlyCompressed(index, plain.length), BlockCodec.chunkName(index));
        out.write(block.stored());
        chunks.add(
            new ChunkEntry(
                offset, plain.length, storedOffset, block.stored().length, block.compression()));
        storedOffset += block.stored().length;
      }
      return new EncodedLog(size, storedOffset, chunks);
    }
  }

  private static byte[] readFully(FileChannel in, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException(
            "segment file ended at " + (position + buffer.position()) + " while reading a chunk");
      }
    }
    return buffer.array();
  }
}
