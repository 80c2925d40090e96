package io.stratus.plugins.tiered;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.server.log.remote.storage.LogSegmentData;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentId;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;

/**
 * A real Kafka segment file written with kafka-clients' record classes, with fake index files
 * beside it, and the metadata Kafka would pass when copying it.
 */
final class TestSegment {

  /** Which batches the segment holds. */
  enum Batches {
    /** Uncompressed batches of readable, compressible text. */
    PLAIN,
    /** gzip-compressed batches. */
    COMPRESSED,
    /** Alternating plain and compressed batches. */
    MIXED
  }

  static final TopicIdPartition PARTITION =
      new TopicIdPartition(
          Uuid.fromString("mEtSxnDGQfyXu0EWi1pQKg"), new TopicPartition("orders", 3));

  final Path log;
  final Path offsetIndex;
  final Path timeIndex;
  final Path producerSnapshot;
  final Optional<Path> transactionIndex;
  final ByteBuffer leaderEpochs;
  final List<String> values;
  final long startOffset;
  final long endOffset;

  private TestSegment(
      Path log,
      Path offsetIndex,
      Path timeIndex,
      Path producerSnapshot,
      Optional<Path> transactionIndex,
      ByteBuffer leaderEpochs,
      List<String> values,
      long startOffset,
      long endOffset) {
    this.log = log;
    this.offsetIndex = offsetIndex;
    this.timeIndex = timeIndex;
    this.producerSnapshot = producerSnapshot;
    this.transactionIndex = transactionIndex;
    this.leaderEpochs = leaderEpochs;
    this.values = values;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  /** Writes a segment of {@code batchCount} batches of 20 records each, starting at offset 1000. */
  static TestSegment write(Path directory, Batches batches, int batchCount, boolean withTxnIndex)
      throws IOException {
    Files.createDirectories(directory);
    long startOffset = 1000;
    Path log = directory.resolve(String.format("%020d.log", startOffset));
    Random random = new Random(42);
    List<String> values = new ArrayList<>();
    long offset = startOffset;
    try (FileRecords file = FileRecords.open(log.toFile())) {
      for (int batch = 0; batch < batchCount; batch++) {
        boolean compressed =
            batches == Batches.COMPRESSED || (batches == Batches.MIXED && batch % 2 == 1);
        SimpleRecord[] records = new SimpleRecord[20];
        for (int i = 0; i < records.length; i++) {
          String value =
              "order-"
                  + offset
                  + " customer=customer-"
                  + random.nextInt(50)
                  + " status=CONFIRMED amount="
                  + random.nextInt(100_000)
                  + " note=the quick brown fox jumps over the lazy dog";
          values.add(value);
          records[i] =
              new SimpleRecord(
                  1_700_000_000_000L + offset,
                  ("key-" + offset).getBytes(StandardCharsets.UTF_8),
                  value.getBytes(StandardCharsets.UTF_8));
          offset++;
        }
        Compression compression = compressed ? Compression.gzip().build() : Compression.NONE;
        file.append(MemoryRecords.withRecords(offset - records.length, compression, records));
      }
      file.flush();
    }
    String base = String.format("%020d", startOffset);
    Path offsetIndex = randomFile(directory.resolve(base + ".index"), 8 * 300, random);
    Path timeIndex = randomFile(directory.resolve(base + ".timeindex"), 12 * 300, random);
    Path snapshot = randomFile(directory.resolve(base + ".snapshot"), 777, random);
    Optional<Path> txn =
        withTxnIndex
            ? Optional.of(randomFile(directory.resolve(base + ".txnindex"), 34 * 10, random))
            : Optional.empty();
    ByteBuffer epochs =
        ByteBuffer.wrap("0\n2\n0 1000\n1 1500\n".getBytes(StandardCharsets.US_ASCII));
    return new TestSegment(
        log, offsetIndex, timeIndex, snapshot, txn, epochs, values, startOffset, offset - 1);
  }

  private static Path randomFile(Path path, int size, Random random) throws IOException {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return Files.write(path, bytes);
  }

  LogSegmentData data() {
    return new LogSegmentData(
        log, offsetIndex, timeIndex, transactionIndex, producerSnapshot, leaderEpochs);
  }

  /** Metadata for a copy of this segment under a new segment id. */
  RemoteLogSegmentMetadata metadata() {
    return metadata(RemoteLogSegmentId.generateNew(PARTITION));
  }

  RemoteLogSegmentMetadata metadata(RemoteLogSegmentId id) {
    return new RemoteLogSegmentMetadata(
        id,
        startOffset,
        endOffset,
        1_700_000_000_000L + endOffset,
        1,
        1_700_000_000_000L,
        (int) size(),
        Map.of(0, startOffset));
  }

  long size() {
    try {
      return Files.size(log);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  byte[] logBytes() throws IOException {
    return Files.readAllBytes(log);
  }
}
