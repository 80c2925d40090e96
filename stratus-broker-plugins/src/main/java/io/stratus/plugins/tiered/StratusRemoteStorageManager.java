package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.metrics.RemoteStorageMetrics;
import io.stratus.plugins.tiered.metrics.StorageOperation;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.server.log.remote.storage.LogSegmentData;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata.CustomMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteResourceNotFoundException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageManager;
import org.apache.kafka.server.log.remote.storage.RetriableRemoteStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka tiered storage on a Stratus {@link ObjectStore} (a directory or an S3-compatible bucket).
 *
 * <p><b>Setup.</b> {@code remote.log.storage.manager.class.name} names this class and {@code
 * remote.log.storage.manager.class.path} the plugin directory; {@code rsm.config.*} broker settings
 * configure it (see {@link TieredStorageConfig}). Kafka calls {@link #configure} once, from the
 * no-argument constructor's instance, then the operations from several threads.
 *
 * <p><b>Storage.</b> Each segment becomes three objects: {@code .log} (the segment in chunks, each
 * optionally zstd-compressed and AES-256-GCM-encrypted), {@code .indexes} (all indexes) and {@code
 * .manifest} (JSON, written last: its presence means the segment is complete). See {@code
 * io.stratus.plugins.tiered.format}.
 *
 * <p><b>Contract</b>, as {@link RemoteStorageManager} states it:
 *
 * <ul>
 *   <li>{@link #copyLogSegmentData} is idempotent: copying a segment id again replaces what an
 *       earlier attempt left. It returns no custom metadata.
 *   <li>{@link #fetchLogSegment(RemoteLogSegmentMetadata, int, int)} returns bytes {@code
 *       start..end}, both inclusive, stopping early at the end of the segment; the two-argument
 *       form reads to the end. A negative start, or an end before the start, is an {@link
 *       IllegalArgumentException} (the caller's bug); a start equal to the segment size gives an
 *       empty stream and a start beyond it an {@link IllegalArgumentException}. Chunks are pulled
 *       as the stream is read; a failure after the first chunk surfaces as an {@link
 *       java.io.IOException} from the stream.
 *   <li>{@link #fetchIndex} serves all five index types; a segment stored without a transaction
 *       index answers {@link RemoteResourceNotFoundException} for it.
 *   <li>A segment that is not stored answers {@link RemoteResourceNotFoundException}.
 *   <li>{@link #deleteLogSegmentData} is idempotent: deleting what is already gone succeeds.
 *   <li>An unreachable or throttling store answers {@link RetriableRemoteStorageException}; every
 *       other failure {@link RemoteStorageException}, with a message naming the segment and cause.
 * </ul>
 *
 * <p><b>Metrics.</b> This class is {@link Monitorable}, but Kafka 4.4 wraps a plugin loaded through
 * {@code remote.log.storage.manager.class.path} in {@code ClassLoaderAwareRemoteStorageManager},
 * which is not, so {@link #withPluginMetrics} is never called in that setup. {@link #configure}
 * therefore registers the sensors in a registry of the plugin's own, reported over JMX as {@code
 * kafka.server:type=remote-storage-manager-metrics,node-id=N}; if Kafka does call {@link
 * #withPluginMetrics}, the sensors move to Kafka's plugin metrics and the own registry is closed.
 *
 * <p><b>Thread-safety.</b> Thread-safe: copies, fetches and deletes may run concurrently; {@link
 * #configure}, {@link #withPluginMetrics} and {@link #close} are serialized.
 */
public final class StratusRemoteStorageManager implements RemoteStorageManager, Monitorable {

  private static final Logger LOG = LoggerFactory.getLogger(StratusRemoteStorageManager.class);

  private final Clock clock;
  private final SecureRandom random;
  private final Function<ObjectStoreLocation, ObjectStore> storeOpener;
  private volatile Lifecycle lifecycle = new Lifecycle.Unconfigured(Optional.empty());

  /** The constructor Kafka calls. */
  public StratusRemoteStorageManager() {
    this(Clock.systemUTC(), new SecureRandom(), ObjectStoreLocation::open);
  }

  /** For tests: a chosen clock and randomness, and a hook to wrap or replace the store. */
  StratusRemoteStorageManager(
      Clock clock, SecureRandom random, Function<ObjectStoreLocation, ObjectStore> storeOpener) {
    this.clock = clock;
    this.random = random;
    this.storeOpener = storeOpener;
  }

  /**
   * Validates the configuration and starts: opens the store, empties and opens the cache, starts
   * the prefetch threads and registers metrics.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the setting that is wrong
   * @throws IllegalStateException when called twice or after {@link #close}
   */
  @Override
  public synchronized void configure(Map<String, ?> configs) {
    if (!(lifecycle instanceof Lifecycle.Unconfigured unconfigured)) {
      throw new IllegalStateException(
          "configure may be called once, before close; the manager is " + lifecycle);
    }
    TieredStorageConfig config = new TieredStorageConfig(configs);
    String logPrefix = "[StratusRSM broker=" + config.nodeId().orElse("?") + "] ";
    TieredStorage storage =
        TieredStorage.start(
            config, unconfigured.pluginMetrics(), clock, random, storeOpener, logPrefix);
    lifecycle = new Lifecycle.Running(storage);
    LOG.info(
        "{}Tiered storage started: store={} keyPrefix='{}' chunkSize={} compression={}"
            + " encryption={} cacheDir={} cacheSize={} prefetchChunks={}",
        logPrefix,
        config.objectStore().asString(),
        config.keyPrefix(),
        config.chunkSizeBytes(),
        config.compressionLevel().isPresent() ? "zstd" : "none",
        config.encryptionKeyFile().isPresent() ? "on" : "off",
        config.cacheDir(),
        config.cacheSizeBytes(),
        config.prefetchChunks());
  }

  @Override
  public synchronized void withPluginMetrics(PluginMetrics pluginMetrics) {
    Lifecycle current = lifecycle;
    if (current instanceof Lifecycle.Unconfigured) {
      lifecycle = new Lifecycle.Unconfigured(Optional.of(pluginMetrics));
    } else if (current instanceof Lifecycle.Running running) {
      running.storage().metrics().usePluginMetrics(pluginMetrics);
    }
  }

  @Override
  public Optional<CustomMetadata> copyLogSegmentData(
      RemoteLogSegmentMetadata metadata, LogSegmentData data) throws RemoteStorageException {
    TieredStorage storage = running("copy segment " + metadata.remoteLogSegmentId());
    try {
      storage.copier().copy(metadata, data);
      storage.reader().forget(metadata.remoteLogSegmentId().id().toString());
      return Optional.empty();
    } catch (RemoteStorageException e) {
      storage.metrics().recordError(StorageOperation.COPY);
      throw e;
    }
  }

  @Override
  public InputStream fetchLogSegment(RemoteLogSegmentMetadata metadata, int startPosition)
      throws RemoteStorageException {
    return fetch(metadata, startPosition, Long.MAX_VALUE);
  }

  @Override
  public InputStream fetchLogSegment(
      RemoteLogSegmentMetadata metadata, int startPosition, int endPosition)
      throws RemoteStorageException {
    if (endPosition < startPosition) {
      throw new IllegalArgumentException(
          "end position "
              + endPosition
              + " is before start position "
              + startPosition
              + "; both are inclusive, so end must be >= start");
    }
    return fetch(metadata, startPosition, endPosition);
  }

  private InputStream fetch(RemoteLogSegmentMetadata metadata, int start, long end)
      throws RemoteStorageException {
    if (start < 0) {
      throw new IllegalArgumentException("start position must be >= 0, got " + start);
    }
    TieredStorage storage = running("fetch segment " + metadata.remoteLogSegmentId());
    try {
      return storage.reader().fetch(metadata, start, end);
    } catch (RemoteStorageException e) {
      storage.metrics().recordError(StorageOperation.FETCH);
      throw e;
    }
  }

  @Override
  public InputStream fetchIndex(RemoteLogSegmentMetadata metadata, IndexType indexType)
      throws RemoteStorageException {
    TieredStorage storage =
        running("fetch the " + indexType + " index of segment " + metadata.remoteLogSegmentId());
    try {
      return storage.reader().fetchIndex(metadata, indexType);
    } catch (RemoteStorageException e) {
      // A segment without a transaction index is an answer Kafka expects, not an error.
      boolean expected =
          e instanceof RemoteResourceNotFoundException && indexType == IndexType.TRANSACTION;
      if (!expected) {
        storage.metrics().recordError(StorageOperation.INDEX);
      }
      throw e;
    }
  }

  @Override
  public void deleteLogSegmentData(RemoteLogSegmentMetadata metadata)
      throws RemoteStorageException {
    TieredStorage storage = running("delete segment " + metadata.remoteLogSegmentId());
    try {
      storage.deleter().delete(metadata);
    } catch (RemoteStorageException e) {
      storage.metrics().recordError(StorageOperation.DELETE);
      throw e;
    }
  }

  /** Stops the prefetch threads, closes the store and unregisters the metrics. Idempotent. */
  @Override
  public synchronized void close() {
    Lifecycle current = lifecycle;
    lifecycle = new Lifecycle.Closed();
    if (current instanceof Lifecycle.Running running) {
      running.storage().close();
    }
  }

  /** The running parts, for tests in this package. */
  TieredStorage storage() {
    Lifecycle current = lifecycle;
    if (current instanceof Lifecycle.Running running) {
      return running.storage();
    }
    throw new IllegalStateException("not running: " + current);
  }

  RemoteStorageMetrics metrics() {
    return storage().metrics();
  }

  private TieredStorage running(String operation) throws RemoteStorageException {
    Lifecycle current = lifecycle;
    if (current instanceof Lifecycle.Running running) {
      return running.storage();
    }
    throw new RemoteStorageException(
        "cannot "
            + operation
            + ": the remote storage manager is "
            + (current instanceof Lifecycle.Closed ? "closed" : "not configured yet"));
  }
}
