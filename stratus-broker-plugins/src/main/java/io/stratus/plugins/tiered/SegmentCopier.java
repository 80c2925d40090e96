package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.crypto.MasterKey;
import io.stratus.plugins.tiered.format.BlockCodec;
import io.stratus.plugins.tiered.format.IndexBundle;
import io.stratus.plugins.tiered.format.ManifestCodec;
import io.stratus.plugins.tiered.format.SegmentEncryption;
import io.stratus.plugins.tiered.format.SegmentIdentity;
import io.stratus.plugins.tiered.format.SegmentIndex;
import io.stratus.plugins.tiered.format.SegmentLogEncoder;
import io.stratus.plugins.tiered.format.SegmentManifest;
import io.stratus.plugins.tiered.format.SegmentObjectKeys;
import io.stratus.plugins.tiered.metrics.RemoteStorageMetrics;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.server.log.remote.storage.LogSegmentData;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one segment and its indexes to the object store: deletes any manifest a previous attempt
 * left, writes the {@code .log} object (staged in a local file), then {@code .indexes}, then the
 * {@code .manifest}, so a manifest always describes complete objects. On failure it removes what it
 * wrote, best effort. Thread-safe: copies of different segments may run at once.
 */
final class SegmentCopier {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentCopier.class);

  private final ObjectStore store;
  private final String keyPrefix;
  private final int chunkSize;
  private final OptionalInt compressionLevel;
  private final Optional<MasterKey> masterKey;
  private final Path stagingDir;
  private final ManifestCodec manifestCodec;
  private final Clock clock;
  private final SecureRandom random;
  private final RemoteStorageMetrics metrics;
  private final String logPrefix;
  private final AtomicLong stagingNames = new AtomicLong();

  SegmentCopier(
      ObjectStore store,
      TieredStorageConfig config,
      Optional<MasterKey> masterKey,
      Path stagingDir,
      ManifestCodec manifestCodec,
      Clock clock,
      SecureRandom random,
      RemoteStorageMetrics metrics,
      String logPrefix) {
    this.store = store;
    this.keyPrefix = config.keyPrefix();
    this.chunkSize = config.chunkSizeBytes();
    this.compressionLevel = config.compressionLevel();
    this.masterKey = masterKey;
    this.stagingDir = stagingDir;
    this.manifestCodec = manifestCodec;
    this.clock = clock;
    this.random = random;
    this.metrics = metrics;
    this.logPrefix = logPrefix;
  }

  /**
   * Copies the segment; copying the same segment id again replaces what was there.
   *
   * @throws RemoteStorageException when anything failed (retriable when the store is unavailable)
   */
  void copy(RemoteLogSegmentMetadata metadata, LogSegmentData data) throws RemoteStorageException {
    Instant started = clock.instant();
    SegmentObjectKeys keys = SegmentObjectKeys.of(keyPrefix, metadata);
    SegmentIdentity identity = SegmentIdentity.of(metadata);
    Path staging =
        stagingDir.resolve(identity.segmentId() + "-" + stagingNames.incrementAndGet() + ".log");
    try {
      // A manifest left by an earlier attempt must never describe the objects about to be replaced.
      store.delete(List.of(keys.manifest()));
      SegmentEncryption.Plan encryption =
          SegmentEncryption.forWriting(masterKey, identity.segmentId(), random);
      BlockCodec codec =
          new BlockCodec(identity.segmentId(), compressionLevel, encryption.dataKey());

      SegmentLogEncoder.EncodedLog log =
          SegmentLogEncoder.encode(data.logSegment(), staging, chunkSize, codec);
      store.upload(keys.log(), staging);
      IndexBundle indexes = IndexBundle.encode(indexSources(data), codec);
      store.put(keys.indexes(), indexes.bytes());
      byte[] manifest =
          manifestCodec.write(
              new SegmentManifest(
                  ManifestCodec.CURRENT_VERSION,
                  identity,
                  started.toString(),
                  log.originalSize(),
                  log.storedSize(),
                  chunkSize,
                  log.chunks(),
                  indexes.entries(),
                  encryption.info()));
      store.put(keys.manifest(), manifest);

      long written = log.storedSize() + indexes.bytes().length + manifest.length;
      Duration took = Duration.between(started, clock.instant());
      metrics.recordUpload(written, took);
      LOG.debug(
          "{}Copied segment {} as {}: {} bytes stored for {} in {} chunks, in {} ms",
          logPrefix,
          metadata.remoteLogSegmentId(),
          keys.log(),
          written,
          log.originalSize(),
          log.chunks().size(),
          took.toMillis());
    } catch (ObjectStoreException | IOException | RuntimeException e) {
      removePartialCopy(keys, e);
      throw RemoteStorageErrors.writing(
          "could not copy segment " + metadata.remoteLogSegmentId() + " to " + store.describe(), e);
    } finally {
      deleteStaging(staging);
    }
  }

  private static List<IndexBundle.Source> indexSources(LogSegmentData data) throws IOException {
    List<IndexBundle.Source> sources = new ArrayList<>(5);
    sources.add(
        new IndexBundle.Source(SegmentIndex.OFFSET, Files.readAllBytes(data.offsetIndex())));
    sources.add(
        new IndexBundle.Source(SegmentIndex.TIMESTAMP, Files.readAllBytes(data.timeIndex())));
    sources.add(
        new IndexBundle.Source(
            SegmentIndex.PRODUCER_SNAPSHOT, Files.readAllBytes(data.producerSnapshotIndex())));
    if (data.transactionIndex().isPresent()) {
      sources.add(
          new IndexBundle.Source(
              SegmentIndex.TRANSACTION, Files.readAllBytes(data.transactionIndex().get())));
    }
    sources.add(
        new IndexBundle.Source(SegmentIndex.LEADER_EPOCH, bytesOf(data.leaderEpochIndex())));
    return sources;
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }

  private void removePartialCopy(SegmentObjectKeys keys, Exception failure) {
    try {
      store.delete(keys.all());
    } catch (ObjectStoreException | RuntimeException cleanupFailure) {
      failure.addSuppressed(cleanupFailure);
    }
  }

  private void deleteStaging(Path staging) {
    try {
      Files.deleteIfExists(staging);
    } catch (IOException e) {
      LOG.warn("{}Could not delete staging file {}: {}", logPrefix, staging, e.toString());
    }
  }
}
