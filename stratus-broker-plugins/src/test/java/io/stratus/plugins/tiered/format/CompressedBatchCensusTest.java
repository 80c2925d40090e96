package io.stratus.plugins.tiered.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedBatchCensusTest {

  private static final int CHUNK = 2048;

  @TempDir Path directory;

  @Test
  void countsTheBytesOfCompressedBatchesPerChunk() throws Exception {
    Path log = directory.resolve("segment.log");
    long expectedCompressed = 0;
    try (FileRecords file = FileRecords.open(log.toFile())) {
      long offset = 0;
      for (int batch = 0; batch < 30; batch++) {
        Compression compression =
            switch (batch % 3) {
              case 0 -> Compression.NONE;
              case 1 -> Compression.gzip().build();
              default -> Compression.zstd().build();
            };
        byte magic = batch == 4 ? RecordBatch.MAGIC_VALUE_V1 : RecordBatch.CURRENT_MAGIC_VALUE;
        file.append(MemoryRecords.withRecords(magic, offset, compression, records(batch)));
        offset += 10;
      }
      file.flush();
      for (FileChannelRecordBatch batch : file.batches()) {
        if (batch.compressionType() != CompressionType.NONE) {
          expectedCompressed += batch.sizeInBytes();
        }
      }
    }

    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      long size = channel.size();
      CompressedBatchCensus census = CompressedBatchCensus.scan(channel, size, CHUNK);
      long counted = 0;
      for (int chunk = 0; chunk < CompressedBatchCensus.chunkCount(size, CHUNK); chunk++) {
        counted += census.compressedBytes(chunk);
        assertThat(census.compressedBytes(chunk)).isBetween(0L, (long) CHUNK);
      }
      assertThat(expectedCompressed).isPositive();
      assertThat(counted).isEqualTo(expectedCompressed);
    }
  }

  @Test
  void stopsAtAHeaderThatMakesNoSense() throws Exception {
    Path log = directory.resolve("garbage.log");
    java.nio.file.Files.write(log, new byte[5000]);
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      CompressedBatchCensus census = CompressedBatchCensus.scan(channel, 5000, CHUNK);
      assertThat(census.compressedBytes(0)).isZero();
      assertThat(census.mostlyCompressed(2, 904)).isFalse();
    }
  }

  private static SimpleRecord[] records(int batch) {
    SimpleRecord[] records = new SimpleRecord[10];
    for (int i = 0; i < records.length; i++) {
      records[i] =
          new SimpleRecord(
              1000L * batch + i,
              null,
              ("batch " + batch + " record " + i + " some fairly repetitive payload payload")
                  .getBytes(StandardCharsets.UTF_8));
    }
    return records;
  }
}
