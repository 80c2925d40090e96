package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.plugins.tiered.store.ObjectStoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteResourceNotFoundException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageManager.IndexType;
import org.apache.kafka.server.log.remote.storage.RetriableRemoteStorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StratusRemoteStorageManagerTest {

  @TempDir Path root;
  private RsmHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void copiedSegmentReadsBackByteForByteForAnyInclusiveRange() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 60, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    byte[] original = segment.logBytes();
    int size = original.length;
    int chunk = RsmHarness.CHUNK_SIZE;
    assertThat(size).as("the segment spans many chunks").isGreaterThan(8 * chunk);

    assertThat(harness.rsm.copyLogSegmentData(metadata, segment.data())).isEmpty();

    int[][] ranges = {
      {0, 0},
      {0, size - 1},
      {chunk - 1, chunk},
      {chunk, chunk},
      {chunk - 1, chunk - 1},
      {100, 3 * chunk + 17},
      {2 * chunk, 3 * chunk - 1},
      {size - 1, size - 1},
      {size - 300, size - 1},
    };
    for (int[] range : ranges) {
      assertThat(harness.fetch(metadata, range[0], range[1]))
          .as("bytes %d..%d inclusive", range[0], range[1])
          .isEqualTo(Arrays.copyOfRange(original, range[0], range[1] + 1));
    }
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      int start = random.nextInt(size);
      int end = start + random.nextInt(size - start);
      assertThat(harness.fetch(metadata, start, end))
          .as("bytes %d..%d inclusive", start, end)
          .isEqualTo(Arrays.copyOfRange(original, start, end + 1));
    }
  }

  @Test
  void twoArgumentFetchReadsToTheEndAndEndPastTheSegmentIsClamped() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 30, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    byte[] original = segment.logBytes();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    try (InputStream in = harness.rsm.fetchLogSegment(metadata, 5000)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(original, 5000, original.length));
    }
    try (InputStream in = harness.rsm.fetchLogSegment(metadata, 0)) {
      assertThat(in.readAllBytes()).isEqualTo(original);
    }
    assertThat(harness.fetch(metadata, original.length - 10, Integer.MAX_VALUE))
        .isEqualTo(Arrays.copyOfRange(original, original.length - 10, original.length));
    assertThat(harness.fetch(metadata, original.length, original.length))
        .as("a start at the segment size is an empty stream")
        .isEmpty();
  }

  @Test
  void everyIndexTypeReadsBackAsCopied() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 10, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    assertThat(index(metadata, IndexType.OFFSET))
        .isEqualTo(Files.readAllBytes(segment.offsetIndex));
    assertThat(index(metadata, IndexType.TIMESTAMP))
        .isEqualTo(Files.readAllBytes(segment.timeIndex));
    assertThat(index(metadata, IndexType.PRODUCER_SNAPSHOT))
        .isEqualTo(Files.readAllBytes(segment.producerSnapshot));
    assertThat(index(metadata, IndexType.TRANSACTION))
        .isEqualTo(Files.readAllBytes(segment.transactionIndex.orElseThrow()));
    assertThat(index(metadata, IndexType.LEADER_EPOCH))
        .isEqualTo(segment.leaderEpochs.array())
        .as("the leader epoch buffer is read without being consumed")
        .hasSize(segment.leaderEpochs.remaining());
  }

  @Test
  void segmentWithoutTransactionIndexAnswersNotFoundForItOnly() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 5, false);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    assertThatThrownBy(() -> harness.rsm.fetchIndex(metadata, IndexType.TRANSACTION))
        .isInstanceOf(RemoteResourceNotFoundException.class)
        .hasMessageContaining("without a transaction index");
    assertThat(index(metadata, IndexType.OFFSET))
        .isEqualTo(Files.readAllBytes(segment.offsetIndex));
  }

  @Test
  void segmentNeverCopiedIsNotFound() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 5, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();

    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, 0))
        .isInstanceOf(RemoteResourceNotFoundException.class)
        .hasMessageContaining(metadata.remoteLogSegmentId().id().toString())
        .hasMessageContaining(".manifest");
    assertThatThrownBy(() -> harness.rsm.fetchIndex(metadata, IndexType.OFFSET))
        .isInstanceOf(RemoteResourceNotFoundException.class);
  }

  @Test
  void copyingTheSameSegmentAgainReplacesIt() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 20, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();

    harness.rsm.copyLogSegmentData(metadata, segment.data());
    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    assertThat(harness.storedFiles())
        .extracting(path -> path.getFileName().toString())
        .containsExactlyInAnyOrder(
            fileName(harness.keys(metadata).log()),
            fileName(harness.keys(metadata).indexes()),
            fileName(harness.keys(metadata).manifest()));
    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
  }

  @Test
  void objectsFollowTheKeyLayout() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 3, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    String base =
        "clusters/lkc-test01/orders-mEtSxnDGQfyXu0EWi1pQKg/3/00000000000000001000-"
            + metadata.remoteLogSegmentId().id();
    assertThat(harness.storedFiles())
        .map(path -> harness.storeDir.relativize(path).toString())
        .containsExactlyInAnyOrder(base + ".log", base + ".indexes", base + ".manifest");
  }

  @Test
  void failedCopyLeavesNoManifestAndCanBeRetried() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 10, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.store.failWritesEndingWith = ".indexes";

    assertThatThrownBy(() -> harness.rsm.copyLogSegmentData(metadata, segment.data()))
        .isInstanceOf(RemoteStorageException.class)
        .isNotInstanceOf(RetriableRemoteStorageException.class)
        .hasMessageContaining("could not copy segment")
        .hasMessageContaining("injected failure writing");
    assertThat(harness.storedFiles()).as("a failed copy removes what it wrote").isEmpty();
    assertThat(Files.list(harness.cacheDir.resolve("staging"))).as("staging is cleaned").isEmpty();
    assertThat(harness.metric("error-total", ",operation=copy")).isEqualTo(1.0);

    harness.store.failWritesEndingWith = "\0";
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
  }

  @Test
  void deleteIsIdempotent() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 10, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    harness.fetch(metadata, 0, 10);

    harness.rsm.deleteLogSegmentData(metadata);
    harness.rsm.deleteLogSegmentData(metadata);
    harness.rsm.deleteLogSegmentData(segment.metadata());

    assertThat(harness.storedFiles()).isEmpty();
    assertThat(harness.rsm.storage().cache().cachedChunks())
        .as("the deleted segment's chunks leave the cache")
        .isZero();
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, 0))
        .as("the manifest cache forgets deleted segments")
        .isInstanceOf(RemoteResourceNotFoundException.class);
    assertThat(harness.metric("delete-total")).isEqualTo(3.0);
  }

  @Test
  void unavailableStoreIsRetriableForEveryOperation() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 5, true);
    RemoteLogSegmentMetadata stored = segment.metadata();
    harness.rsm.copyLogSegmentData(stored, segment.data());
    harness.store.unavailable = true;

    assertThatThrownBy(() -> harness.rsm.copyLogSegmentData(segment.metadata(), segment.data()))
        .isInstanceOf(RetriableRemoteStorageException.class)
        .hasMessageContaining("injected: cannot")
        .hasRootCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(stored, 0))
        .isInstanceOf(RetriableRemoteStorageException.class);
    assertThatThrownBy(() -> harness.rsm.fetchIndex(stored, IndexType.OFFSET))
        .isInstanceOf(RetriableRemoteStorageException.class);
    assertThatThrownBy(() -> harness.rsm.deleteLogSegmentData(stored))
        .isInstanceOf(RetriableRemoteStorageException.class);
    assertThat(harness.metric("error-total", ",operation=copy")).isEqualTo(1.0);
    assertThat(harness.metric("error-total", ",operation=fetch")).isEqualTo(1.0);
    assertThat(harness.metric("error-total", ",operation=index")).isEqualTo(1.0);
    assertThat(harness.metric("error-total", ",operation=delete")).isEqualTo(1.0);
  }

  @Test
  void streamPullsChunksOnlyAsItIsRead() throws Exception {
    harness = RsmHarness.start(root, Map.of("prefetch.chunks", 0));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 40, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    harness.rsm.fetchIndex(metadata, IndexType.OFFSET).close(); // opens the manifest
    int before = harness.store.rangedReads.get();

    try (InputStream in = harness.rsm.fetchLogSegment(metadata, 0)) {
      assertThat(harness.store.rangedReads.get() - before)
          .as("only the first chunk is read up front")
          .isEqualTo(1);
      in.readNBytes(RsmHarness.CHUNK_SIZE + 1);
      assertThat(harness.store.rangedReads.get() - before).isEqualTo(2);

      harness.store.unavailable = true;
      assertThatThrownBy(in::readAllBytes)
          .as("a later chunk that cannot be read fails the stream")
          .isInstanceOf(IOException.class)
          .hasMessageContaining("could not read segment bytes at position")
          .hasRootCauseInstanceOf(IOException.class)
          .cause()
          .hasCauseInstanceOf(ObjectStoreUnavailableException.class);
    }
  }

  @Test
  void badPositionsAreRejected() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 5, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    int size = (int) segment.size();

    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start position must be >= 0, got -1");
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, 10, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end position 9 is before start position 10");
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, size + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is past the end of segment")
        .hasMessageContaining(size + " bytes");
  }

  @Test
  void operationsBeforeConfigureOrAfterCloseFailClearly() throws Exception {
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 2, true);
    StratusRemoteStorageManager unconfigured = new StratusRemoteStorageManager();
    assertThatThrownBy(() -> unconfigured.fetchLogSegment(segment.metadata(), 0))
        .isInstanceOf(RemoteStorageException.class)
        .hasMessageContaining("not configured yet");

    harness = RsmHarness.start(root);
    harness.rsm.close();
    harness.rsm.close();
    assertThatThrownBy(() -> harness.rsm.copyLogSegmentData(segment.metadata(), segment.data()))
        .isInstanceOf(RemoteStorageException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> harness.rsm.configure(Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void metricsMove() throws Exception {
    // No prefetch: chunks fetched ahead in the background would add to the download count at a
    // moment the test does not control.
    harness = RsmHarness.start(root, Map.of(TieredStorageConfig.PREFETCH_CHUNKS, 0));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 20, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    assertThat(harness.metric("upload-bytes-total")).isGreaterThan(0);
    assertThat(harness.metric("upload-latency-max")).isGreaterThanOrEqualTo(0);
    harness.fetch(metadata, 0, 100);
    double downloaded = harness.metric("download-bytes-total");
    assertThat(downloaded).isGreaterThan(0);
    assertThat(harness.metric("cache-miss-total")).isEqualTo(1.0);
    harness.fetch(metadata, 0, 100);
    assertThat(harness.metric("cache-hit-total")).isEqualTo(1.0);
    assertThat(harness.metric("download-bytes-total"))
        .as("a cache hit downloads nothing")
        .isEqualTo(downloaded);
  }

  private byte[] index(RemoteLogSegmentMetadata metadata, IndexType type) throws Exception {
    try (InputStream in = harness.rsm.fetchIndex(metadata, type)) {
      return in.readAllBytes();
    }
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
