package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin in this JVM on segment files laid out as a broker keeps them; no broker. */
class PluginUploadTest {

  private static final Uuid TOPIC_ID = Uuid.fromString("mEtSxnDGQfyXu0EWi1pQKg");

  @TempDir Path temp;

  @Test
  void copiesEveryClosedSegmentButNotTheActiveOne() throws IOException {
    Path broker = temp.resolve("broker");
    writeSegment(broker.resolve("local-only-0"), 0, 100);
    writeSegment(broker.resolve("local-only-0"), 100, 100);
    writeSegment(broker.resolve("local-only-0"), 200, 10);
    writeSegment(broker.resolve("local-only-1"), 0, 50);

    List<SegmentCopy> copies =
        PluginUpload.copyClosedSegments(
            "local-only",
            TOPIC_ID,
            2,
            partition -> broker.resolve("local-only-" + partition),
            temp.resolve("copies"));

    assertThat(copies)
        .extracting(SegmentCopy::startOffset, SegmentCopy::endOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 99L),
            org.assertj.core.groups.Tuple.tuple(100L, 199L));
    SegmentCopy first = copies.get(0);
    assertThat(first.partition().topicId()).isEqualTo(TOPIC_ID);
    assertThat(first.partition().partition()).isZero();
    assertThat(first.log())
        .startsWith(temp.resolve("copies"))
        .hasSameBinaryContentAs(broker.resolve("local-only-0/00000000000000000000.log"));
    assertThat(first.offsetIndex()).exists();
    assertThat(first.timeIndex()).exists();
    assertThat(first.producerSnapshot()).isEmptyFile();
    assertThat(first.metadata(0).segmentLeaderEpochs()).containsEntry(0, 0L);
    assertThat(first.metadata(0).segmentSizeInBytes()).isEqualTo((int) first.size());
  }

  @Test
  void aTopicWithoutClosedSegmentsCannotBeUploaded() throws IOException {
    Path broker = temp.resolve("broker");
    writeSegment(broker.resolve("local-only-0"), 0, 10);

    assertThatThrownBy(
            () ->
                PluginUpload.copyClosedSegments(
                    "local-only",
                    TOPIC_ID,
                    1,
                    partition -> broker.resolve("local-only-" + partition),
                    temp.resolve("copies")))
        .hasMessageContaining("no closed segment to upload")
        .hasMessageContaining("--megabytes");
  }

  @Test
  void uploadsWithThePluginEncryptedAndCountsWhatItStored() throws IOException {
    Path broker = temp.resolve("broker");
    writeSegment(broker.resolve("local-only-0"), 0, 500);
    writeSegment(broker.resolve("local-only-0"), 500, 1);
    List<SegmentCopy> copies =
        PluginUpload.copyClosedSegments(
            "local-only",
            TOPIC_ID,
            1,
            partition -> broker.resolve("local-only-" + partition),
            temp.resolve("copies"));
    Path key = MasterKeyFile.generate(temp.resolve("master.key"), new SecureRandom());
    Path store = temp.resolve("store");

    PluginUpload.Result result =
        new PluginUpload(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC))
            .upload(copies, store, temp.resolve("cache"), Optional.of(key));

    assertThat(result.segments()).isEqualTo(1);
    assertThat(result.measurement().throughput().bytes()).isEqualTo(copies.get(0).size());
    assertThat(result.measurement().cpu().clientSeconds()).isPositive();
    assertThat(result.storedBytes()).isPositive();
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .anyMatch(name -> name.endsWith(".manifest"))
          .anyMatch(name -> name.endsWith(".log"))
          .anyMatch(name -> name.endsWith(".indexes"));
    }
  }

  /** A segment of {@code records} records of 1 KiB from {@code baseOffset}, with empty indexes. */
  private static void writeSegment(Path directory, long baseOffset, int records)
      throws IOException {
    Files.createDirectories(directory);
    String base = String.format("%020d", baseOffset);
    RecordPayloads payloads = new RecordPayloads(1);
    SimpleRecord[] batch = new SimpleRecord[records];
    for (int i = 0; i < records; i++) {
      batch[i] = new SimpleRecord(RecordPayloads.key(baseOffset + i), payloads.nextValue());
    }
    MemoryRecords memory = MemoryRecords.withRecords(baseOffset, Compression.NONE, batch);
    try (FileChannel log =
        FileChannel.open(
            directory.resolve(base + ".log"),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      log.write(memory.buffer());
    }
    Files.createFile(directory.resolve(base + ".index"));
    Files.createFile(directory.resolve(base + ".timeindex"));
  }
}
