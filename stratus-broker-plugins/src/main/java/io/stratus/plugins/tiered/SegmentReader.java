package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.cache.ChunkCache;
import io.stratus.plugins.tiered.cache.ChunkKey;
import io.stratus.plugins.tiered.cache.ChunkLoadException;
import io.stratus.plugins.tiered.cache.ChunkLoader;
import io.stratus.plugins.tiered.cache.ChunkPrefetcher;
import io.stratus.plugins.tiered.cache.ChunkRangeInputStream;
import io.stratus.plugins.tiered.cache.ManifestCache;
import io.stratus.plugins.tiered.crypto.MasterKey;
import io.stratus.plugins.tiered.format.BlockCodec;
import io.stratus.plugins.tiered.format.ChunkEntry;
import io.stratus.plugins.tiered.format.IndexEntry;
import io.stratus.plugins.tiered.format.ManifestCodec;
import io.stratus.plugins.tiered.format.SegmentEncryption;
import io.stratus.plugins.tiered.format.SegmentFormatException;
import io.stratus.plugins.tiered.format.SegmentIndex;
import io.stratus.plugins.tiered.format.SegmentManifest;
import io.stratus.plugins.tiered.format.SegmentObjectKeys;
import io.stratus.plugins.tiered.metrics.RemoteStorageMetrics;
import io.stratus.plugins.tiered.metrics.StorageOperation;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteResourceNotFoundException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageManager.IndexType;

/**
 * Reads stored segments: opens a segment through its manifest (cached in memory), serves byte
 * ranges of the log as lazily pulled chunks through the on-disk {@link ChunkCache} with prefetch,
 * and serves indexes with one ranged read each. Thread-safe.
 */
final class SegmentReader {

  private final ObjectStore store;
  private final String keyPrefix;
  private final Optional<MasterKey> masterKey;
  private final ManifestCodec manifestCodec;
  private final ManifestCache<OpenSegment> manifests;
  private final ChunkCache cache;
  private final ChunkPrefetcher prefetcher;
  private final int prefetchChunks;
  private final Clock clock;
  private final SecureRandom random;
  private final RemoteStorageMetrics metrics;

  SegmentReader(
      ObjectStore store,
      TieredStorageConfig config,
      Optional<MasterKey> masterKey,
      ManifestCodec manifestCodec,
      ChunkCache cache,
      ChunkPrefetcher prefetcher,
      Clock clock,
      SecureRandom random,
      RemoteStorageMetrics metrics) {
    this.store = store;
    this.keyPrefix = config.keyPrefix();
    this.masterKey = masterKey;
    this.manifestCodec = manifestCodec;
    this.manifests = new ManifestCache<>(config.manifestCacheEntries());
    this.cache = cache;
    this.prefetcher = prefetcher;
    this.prefetchChunks = config.prefetchChunks();
    this.clock = clock;
    this.random = random;
    this.metrics = metrics;
  }

  /**
   * Segment bytes {@code start..end} inclusive, {@code end} clamped to the segment's last byte. The
   * chunk holding {@code start} is loaded before returning, so a missing or unreadable segment
   * fails here; later chunks are loaded as the stream reaches them.
   *
   * @throws IllegalArgumentException when {@code start} is past the end of the segment
   */
  InputStream fetch(RemoteLogSegmentMetadata metadata, int start, long end)
      throws RemoteStorageException {
    OpenSegment segment = open(metadata);
    long size = segment.manifest().originalSize();
    if (start > size) {
      throw new IllegalArgumentException(
          "start position "
              + start
              + " is past the end of segment "
              + metadata.remoteLogSegmentId()
              + " ("
              + size
              + " bytes); a start may be at most the segment size");
    }
    SegmentChunks chunks = new SegmentChunks(segment);
    ChunkRangeInputStream stream =
        new ChunkRangeInputStream(chunks, start, Math.min(end, size - 1));
    try {
      stream.openFirstChunk();
    } catch (ChunkLoadException e) {
      throw RemoteStorageErrors.reading(
          "could not read segment " + metadata.remoteLogSegmentId() + " from " + store.describe(),
          e);
    }
    chunks.opened = true;
    return stream;
  }

  /**
   * The stored index of {@code type}.
   *
   * @throws RemoteResourceNotFoundException when the segment or that index was not stored
   */
  InputStream fetchIndex(RemoteLogSegmentMetadata metadata, IndexType type)
      throws RemoteStorageException {
    OpenSegment segment = open(metadata);
    SegmentIndex index = SegmentIndex.of(type);
    IndexEntry entry =
        segment
            .manifest()
            .index(index)
            .orElseThrow(
                () ->
                    new RemoteResourceNotFoundException(
                        "segment "
                            + metadata.remoteLogSegmentId()
                            + " was stored without a "
                            + index.wireName()
                            + " index"));
    try {
      byte[] stored =
          timedRead(segment.keys().indexes(), entry.storedOffset(), entry.storedLength());
      byte[] plain =
          segment
              .codec()
              .decode(
                  stored, entry.compression(), entry.originalLength(), BlockCodec.indexName(index));
      return new ByteArrayInputStream(plain);
    } catch (ObjectStoreException | SegmentFormatException e) {
      throw RemoteStorageErrors.reading(
          "could not read the "
              + index.wireName()
              + " index of segment "
              + metadata.remoteLogSegmentId(),
          e);
    }
  }

  /** Forgets the cached manifest of {@code segmentId} (after a copy or delete). */
  void forget(String segmentId) {
    manifests.invalidate(segmentId);
  }

  private OpenSegment open(RemoteLogSegmentMetadata metadata) throws RemoteStorageException {
    String segmentId = metadata.remoteLogSegmentId().id().toString();
    Optional<OpenSegment> cached = manifests.get(segmentId);
    if (cached.isPresent()) {
      return cached.get();
    }
    SegmentObjectKeys keys = SegmentObjectKeys.of(keyPrefix, metadata);
    try {
      Instant started = clock.instant();
      byte[] json = store.readAll(keys.manifest());
      recordDownload(json.length, started);
      SegmentManifest manifest = manifestCodec.read(json, keys.manifest());
      if (!manifest.segment().segmentId().equals(segmentId)) {
        throw new SegmentFormatException(
            "manifest " + keys.manifest() + " describes segment " + manifest.segment().segmentId());
      }
      BlockCodec codec =
          new BlockCodec(
              segmentId,
              OptionalInt.empty(),
              SegmentEncryption.forReading(manifest.encryption(), masterKey, segmentId, random));
      OpenSegment segment = new OpenSegment(keys, manifest, codec);
      manifests.put(segmentId, segment);
      return segment;
    } catch (ObjectStoreException | SegmentFormatException e) {
      throw RemoteStorageErrors.reading(
          "could not open segment " + metadata.remoteLogSegmentId() + " in " + store.describe(), e);
    }
  }

  private byte[] timedRead(String key, long offset, int length) throws ObjectStoreException {
    Instant started = clock.instant();
    byte[] bytes = store.read(key, offset, length);
    recordDownload(bytes.length, started);
    return bytes;
  }

  private void recordDownload(int bytes, Instant started) {
    metrics.recordDownload(bytes, Duration.between(started, clock.instant()));
  }

  /** The chunks of one open segment, as the stream sees them. */
  private final class SegmentChunks implements ChunkRangeInputStream.Source {

    private final OpenSegment segment;
    private volatile boolean opened;

    SegmentChunks(OpenSegment segment) {
      this.segment = segment;
    }

    @Override
    public int chunkAt(long position) {
      return segment.manifest().chunkAt(position);
    }

    @Override
    public long chunkStart(int index) {
      return segment.manifest().chunks().get(index).originalOffset();
    }

    @Override
    public byte[] chunk(int index) throws ChunkLoadException {
      int last = Math.min(index + prefetchChunks, segment.manifest().chunks().size() - 1);
      for (int next = index + 1; next <= last; next++) {
        prefetcher.prefetch(keyOf(next), loaderOf(next));
      }
      try {
        return cache.get(keyOf(index), loaderOf(index));
      } catch (ChunkLoadException e) {
        if (opened) {
          // Failures before the stream is handed over are counted where fetch throws.
          metrics.recordError(StorageOperation.FETCH);
        }
        throw e;
      }
    }

    private ChunkKey keyOf(int index) {
      ChunkEntry entry = segment.manifest().chunks().get(index);
      return new ChunkKey(
          segment.manifest().segment().segmentId(), entry.originalOffset(), entry.originalLength());
    }

    private ChunkLoader loaderOf(int index) {
      return () -> {
        ChunkEntry entry = segment.manifest().chunks().get(index);
        byte[] stored = timedRead(segment.keys().log(), entry.storedOffset(), entry.storedLength());
        if (stored.length != entry.storedLength()) {
          throw new SegmentFormatException(
              "object "
                  + segment.keys().log()
                  + " ends before chunk "
                  + index
                  + ": expected "
                  + entry.storedLength()
                  + " bytes at "
                  + entry.storedOffset()
                  + ", got "
                  + stored.length);
        }
        return segment
            .codec()
            .decode(
                stored, entry.compression(), entry.originalLength(), BlockCodec.chunkName(index));
      };
    }
  }
}
