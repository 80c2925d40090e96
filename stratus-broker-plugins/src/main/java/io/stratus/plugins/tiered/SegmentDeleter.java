package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.cache.ChunkCache;
import io.stratus.plugins.tiered.format.SegmentObjectKeys;
import io.stratus.plugins.tiered.metrics.RemoteStorageMetrics;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreException;
import java.util.List;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a stored segment: the manifest first, so a half-finished delete never leaves a manifest
 * describing missing objects, then the log and indexes, then whatever this broker cached of it.
 * Idempotent: objects already gone are skipped. Thread-safe.
 */
final class SegmentDeleter {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentDeleter.class);

  private final ObjectStore store;
  private final String keyPrefix;
  private final SegmentReader reader;
  private final ChunkCache cache;
  private final RemoteStorageMetrics metrics;
  private final String logPrefix;

  SegmentDeleter(
      ObjectStore store,
      String keyPrefix,
      SegmentReader reader,
      ChunkCache cache,
      RemoteStorageMetrics metrics,
      String logPrefix) {
    this.store = store;
    this.keyPrefix = keyPrefix;
    this.reader = reader;
    this.cache = cache;
    this.metrics = metrics;
    this.logPrefix = logPrefix;
  }

  void delete(RemoteLogSegmentMetadata metadata) throws RemoteStorageException {
    SegmentObjectKeys keys = SegmentObjectKeys.of(keyPrefix, metadata);
    String segmentId = metadata.remoteLogSegmentId().id().toString();
    try {
      store.delete(List.of(keys.manifest()));
      store.delete(List.of(keys.log(), keys.indexes()));
    } catch (ObjectStoreException | RuntimeException e) {
      throw RemoteStorageErrors.writing(
          "could not delete segment " + metadata.remoteLogSegmentId() + " from " + store.describe(),
          e);
    } finally {
      reader.forget(segmentId);
    }
    cache.invalidateSegment(segmentId);
    metrics.recordDelete();
    LOG.debug(
        "{}Deleted segment {} ({})", logPrefix, metadata.remoteLogSegmentId(), keys.manifest());
  }
}
