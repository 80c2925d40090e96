package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.plugins.tiered.cache.ChunkCache;
import io.stratus.plugins.tiered.cache.ChunkKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchTest {

  private static final int CHUNK = RsmHarness.CHUNK_SIZE;

  @TempDir Path root;
  private RsmHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void readingAChunkLoadsTheNextOnesSoASequentialReaderHitsTheCache() throws Exception {
    harness = RsmHarness.start(root, Map.of("prefetch.chunks", 2));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 40, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    String segmentId = metadata.remoteLogSegmentId().id().toString();
    ChunkCache cache = harness.rsm.storage().cache();

    harness.fetch(metadata, 0, 10);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        cache.contains(new ChunkKey(segmentId, CHUNK, CHUNK))
                            && cache.contains(new ChunkKey(segmentId, 2L * CHUNK, CHUNK)))
                    .as("chunks 1 and 2 were prefetched")
                    .isTrue());
    assertThat(cache.contains(new ChunkKey(segmentId, 3L * CHUNK, CHUNK)))
        .as("no further than prefetch.chunks ahead")
        .isFalse();
    assertThat(harness.metric("prefetch-total")).isEqualTo(2.0);
    double misses = harness.metric("cache-miss-total");
    double hits = harness.metric("cache-hit-total");

    byte[] next = harness.fetch(metadata, CHUNK, 3 * CHUNK - 1);

    assertThat(next).isEqualTo(Arrays.copyOfRange(segment.logBytes(), CHUNK, 3 * CHUNK));
    assertThat(harness.metric("cache-hit-total") - hits).isEqualTo(2.0);
    assertThat(harness.metric("cache-miss-total")).isEqualTo(misses);
  }
}
