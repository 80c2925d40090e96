package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.plugins.tiered.format.BlockCompression;
import io.stratus.plugins.tiered.format.ChunkEntry;
import io.stratus.plugins.tiered.format.SegmentManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {

  @TempDir Path root;
  private RsmHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void plainBatchesAreCompressed() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 40, true);
    RemoteLogSegmentMetadata metadata = copy(segment);

    SegmentManifest manifest = harness.manifest(metadata);
    assertThat(manifest.chunks())
        .extracting(ChunkEntry::compression)
        .containsOnly(BlockCompression.ZSTD);
    assertThat(storedLogSize(metadata))
        .isEqualTo(manifest.storedSize())
        .isLessThan(segment.size() / 2);
    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
  }

  @Test
  void chunksOfCompressedBatchesAreStoredAsTheyAre() throws Exception {
    harness = RsmHarness.start(root);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.COMPRESSED, 120, true);
    RemoteLogSegmentMetadata metadata = copy(segment);

    SegmentManifest manifest = harness.manifest(metadata);
    assertThat(manifest.chunks()).hasSizeGreaterThan(1);
    assertThat(manifest.chunks())
        .extracting(ChunkEntry::compression)
        .containsOnly(BlockCompression.NONE);
    assertThat(storedLogSize(metadata)).isEqualTo(segment.size());
    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
  }

  @Test
  void compressionNoneStoresTheSegmentAsItIs() throws Exception {
    harness = RsmHarness.start(root, Map.of("compression", "none"));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 40, true);
    RemoteLogSegmentMetadata metadata = copy(segment);

    assertThat(harness.manifest(metadata).chunks())
        .extracting(ChunkEntry::compression)
        .containsOnly(BlockCompression.NONE);
    assertThat(Files.readAllBytes(harness.storedFile(harness.keys(metadata).log())))
        .isEqualTo(segment.logBytes());
  }

  private RemoteLogSegmentMetadata copy(TestSegment segment) throws Exception {
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    return metadata;
  }

  private long storedLogSize(RemoteLogSegmentMetadata metadata) throws Exception {
    return Files.size(harness.storedFile(harness.keys(metadata).log()));
  }
}
