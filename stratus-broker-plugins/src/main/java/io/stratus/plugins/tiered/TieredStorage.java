package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.cache.ChunkCache;
import io.stratus.plugins.tiered.cache.ChunkPrefetcher;
import io.stratus.plugins.tiered.crypto.MasterKey;
import io.stratus.plugins.tiered.format.ManifestCodec;
import io.stratus.plugins.tiered.metrics.RemoteStorageMetrics;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * The parts of a configured plugin and the order they start and stop in: metrics, object store,
 * chunk cache and prefetch threads, then the copier, reader and deleter built on them. Thread-safe
 * (every part is); {@link #close()} releases threads, store and metrics in reverse order.
 */
final class TieredStorage implements AutoCloseable {

  static final int PREFETCH_THREADS = 2;
  static final int PREFETCH_QUEUE = 64;

  private final Deque<AutoCloseable> closeInReverse;
  private final RemoteStorageMetrics metrics;
  private final ChunkCache cache;
  private final SegmentCopier copier;
  private final SegmentReader reader;
  private final SegmentDeleter deleter;

  private TieredStorage(
      Deque<AutoCloseable> closeInReverse,
      RemoteStorageMetrics metrics,
      ChunkCache cache,
      SegmentCopier copier,
      SegmentReader reader,
      SegmentDeleter deleter) {
    this.closeInReverse = closeInReverse;
    this.metrics = metrics;
    this.cache = cache;
    this.copier = copier;
    this.reader = reader;
    this.deleter = deleter;
  }

  /**
   * Starts every part; when one fails, those already started are closed again.
   *
   * @throws ConfigException when the master key or cache directory cannot be used
   */
  static TieredStorage start(
      TieredStorageConfig config,
      Optional<PluginMetrics> pluginMetrics,
      Clock clock,
      SecureRandom random,
      Function<ObjectStoreLocation, ObjectStore> storeOpener,
      String logPrefix) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      Optional<MasterKey> masterKey = config.masterKey();
      Path stagingDir = emptiedDirectory(config, "staging");
      RemoteStorageMetrics metrics = RemoteStorageMetrics.onJmx(config.nodeId());
      started.push(metrics);
      pluginMetrics.ifPresent(metrics::usePluginMetrics);
      ObjectStore store = storeOpener.apply(config.objectStore());
      started.push(store);
      ChunkCache cache = openCache(config, metrics);
      ChunkPrefetcher prefetcher = new ChunkPrefetcher(cache, PREFETCH_THREADS, PREFETCH_QUEUE);
      started.push(prefetcher);

      ManifestCodec manifestCodec = new ManifestCodec();
      SegmentCopier copier =
          new SegmentCopier(
              store,
              config,
              masterKey,
              stagingDir,
              manifestCodec,
              clock,
              random,
              metrics,
              logPrefix);
      SegmentReader reader =
          new SegmentReader(
              store, config, masterKey, manifestCodec, cache, prefetcher, clock, random, metrics);
      SegmentDeleter deleter =
          new SegmentDeleter(store, config.keyPrefix(), reader, cache, metrics, logPrefix);
      return new TieredStorage(started, metrics, cache, copier, reader, deleter);
    } catch (RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
  }

  RemoteStorageMetrics metrics() {
    return metrics;
  }

  ChunkCache cache() {
    return cache;
  }

  SegmentCopier copier() {
    return copier;
  }

  SegmentReader reader() {
    return reader;
  }

  SegmentDeleter deleter() {
    return deleter;
  }

  @Override
  public void close() {
    RuntimeException failure = new RuntimeException("could not close tiered storage cleanly");
    closeAll(closeInReverse, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private static void closeAll(Deque<AutoCloseable> started, Exception failure) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static ChunkCache openCache(TieredStorageConfig config, RemoteStorageMetrics metrics) {
    Path directory = config.cacheDir().resolve("chunks");
    try {
      return ChunkCache.open(directory, config.cacheSizeBytes(), metrics);
    } catch (IOException e) {
      throw new ConfigException(
          TieredStorageConfig.CACHE_DIR,
          config.cacheDir().toString(),
          "cannot use " + directory + ": " + e);
    }
  }

  private static Path emptiedDirectory(TieredStorageConfig config, String name) {
    Path directory = config.cacheDir().resolve(name);
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory)) {
        for (Path leftover : leftovers) {
          Files.deleteIfExists(leftover);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new ConfigException(
          TieredStorageConfig.CACHE_DIR,
          config.cacheDir().toString(),
          "cannot use " + directory + ": " + e);
    }
  }
}
