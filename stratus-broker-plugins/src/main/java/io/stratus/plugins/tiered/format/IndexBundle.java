package io.stratus.plugins.tiered.format;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .indexes} object of a segment: every index encoded by a {@link BlockCodec} on its own
 * and concatenated, so one index can be fetched with a ranged read, plus the index table.
 *
 * @param bytes the object's content
 * @param entries where each index is in {@code bytes}
 */
public record IndexBundle(byte[] bytes, List<IndexEntry> entries) {

  public IndexBundle {
    entries = List.copyOf(entries);
  }

  /**
   * One index as Kafka handed it over.
   *
   * @param type which index
   * @param content its bytes
   */
  public record Source(SegmentIndex type, byte[] content) {}

  /** Encodes {@code sources} in order. */
  public static IndexBundle encode(List<Source> sources, BlockCodec codec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<IndexEntry> entries = new ArrayList<>(sources.size());
    for (Source source : sources) {
      BlockCodec.EncodedBlock block =
          codec.encode(source.content(), true, BlockCodec.indexName(source.type()));
      entries.add(
          new IndexEntry(
              source.type(),
              source.content().length,
              out.size(),
              block.stored().length,
              block.compression()));
      out.writeBytes(block.stored());
    }
    return new IndexBundle(out.toByteArray(), entries);
  }
}
