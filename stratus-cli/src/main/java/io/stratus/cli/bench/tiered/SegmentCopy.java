package io.stratus.cli.bench.tiered;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.server.log.remote.storage.LogSegmentData;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentId;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;

/**
 * A closed segment copied off the broker, with what the RemoteStorageManager needs to upload it as
 * Kafka's RemoteLogManager would: a new segment id, its offsets, its files, an empty producer
 * snapshot and an empty leader epoch checkpoint.
 *
 * @param partition the segment's topic partition
 * @param startOffset its first offset (from its file name)
 * @param endOffset its last offset (the next segment's base offset, minus one)
 * @param log the copied {@code .log}
 * @param offsetIndex the copied {@code .index}
 * @param timeIndex the copied {@code .timeindex}
 * @param producerSnapshot an empty file standing in for the producer snapshot
 */
record SegmentCopy(
    TopicIdPartition partition,
    long startOffset,
    long endOffset,
    Path log,
    Path offsetIndex,
    Path timeIndex,
    Path producerSnapshot) {

  /** Bytes of the {@code .log} file. */
  long size() {
    try {
      return Files.size(log);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The files, as {@code copyLogSegmentData} takes them. */
  LogSegmentData data() {
    return new LogSegmentData(
        log, offsetIndex, timeIndex, Optional.empty(), producerSnapshot, ByteBuffer.allocate(0));
  }

  /** Metadata for uploading the segment under a new segment id, written by broker 0 at epoch 0. */
  RemoteLogSegmentMetadata metadata(long nowMs) {
    return new RemoteLogSegmentMetadata(
        new RemoteLogSegmentId(partition, Uuid.randomUuid()),
        startOffset,
        endOffset,
        nowMs,
        BenchCluster.NODE_ID,
        nowMs,
        Math.toIntExact(size()),
        Map.of(0, startOffset));
  }
}
