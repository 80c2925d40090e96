package io.stratus.plugins.tiered.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded on-disk cache of decoded chunks, one file per chunk in a directory of its own.
 *
 * <ul>
 *   <li>The bytes of cached chunk files never exceed {@code maxBytes}: adding a chunk evicts the
 *       least recently used ones first. Chunks larger than the whole cache are returned but not
 *       kept. Files being written are not counted until they are complete.
 *   <li>Concurrent requests for the same missing chunk share one download: the first runs the
 *       loader, the others wait for its result or its failure.
 *   <li>Nothing survives a restart: {@link #open} empties the directory, since the chunks of a
 *       previous run are not accounted for.
 *   <li>Decoded chunks are plaintext on local disk, as the broker's own log segments are.
 * </ul>
 *
 * <p>Thread-safe. The LRU index is guarded by one lock, under which files are also renamed into
 * place and deleted, so the index and the directory agree; reads and downloads run outside it.
 */
public final class ChunkCache {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkCache.class);

  private final Path directory;
  private final long maxBytes;
  private final CacheObserver observer;
  private final AtomicLong temporaryNames = new AtomicLong();
  private final ConcurrentHashMap<ChunkKey, CompletableFuture<byte[]>> loading =
      new ConcurrentHashMap<>();

  private final Object lock = new Object();
  private final LinkedHashMap<ChunkKey, Integer> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long cachedBytes;

  private ChunkCache(Path directory, long maxBytes, CacheObserver observer) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.observer = observer;
  }

  /**
   * A cache in {@code directory} (created if missing, emptied if not) holding at most {@code
   * maxBytes}.
   *
   * @throws IOException when the directory cannot be created or emptied
   */
  public static ChunkCache open(Path directory, long maxBytes, CacheObserver observer)
      throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("cache size must be >= 0, got " + maxBytes);
    }
    Path absolute = directory.toAbsolutePath().normalize();
    emptyDirectory(absolute);
    return new ChunkCache(absolute, maxBytes, observer);
  }

  /**
   * The chunk {@code key}, from disk when cached, otherwise loaded with {@code loader} (or awaited
   * when another caller is already loading it) and cached.
   *
   * @throws ChunkLoadException when the load failed; the cause is the loader's exception
   */
  public byte[] get(ChunkKey key, ChunkLoader loader) throws ChunkLoadException {
    Optional<byte[]> cached = readCached(key);
    if (cached.isPresent()) {
      observer.hit();
      return cached.get();
    }
    observer.miss();
    return load(key, loader).bytes();
  }

  /**
   * Loads and caches {@code key} unless it is cached or already being loaded.
   *
   * @return true when this call downloaded the chunk
   * @throws ChunkLoadException when the load failed
   */
  public boolean prefetch(ChunkKey key, ChunkLoader loader) throws ChunkLoadException {
    if (contains(key) || loading.containsKey(key)) {
      return false;
    }
    boolean downloaded = load(key, loader).downloadedHere();
    if (downloaded) {
      observer.prefetched();
    }
    return downloaded;
  }

  /** True when {@code key} is on disk (without counting as a use). */
  public boolean contains(ChunkKey key) {
    synchronized (lock) {
      return entries.containsKey(key);
    }
  }

  /** True when a download of {@code key} is under way. */
  public boolean isLoading(ChunkKey key) {
    return loading.containsKey(key);
  }

  /** Bytes of cached chunk files. */
  public long cachedBytes() {
    synchronized (lock) {
      return cachedBytes;
    }
  }

  /** Number of cached chunks. */
  public int cachedChunks() {
    synchronized (lock) {
      return entries.size();
    }
  }

  /** Drops every cached chunk of {@code segmentId} (after the segment is deleted). */
  public void invalidateSegment(String segmentId) {
    synchronized (lock) {
      Iterator<Map.Entry<ChunkKey, Integer>> iterator = entries.entrySet().iterator();
      while (iterator.hasNext()) {
        Map.Entry<ChunkKey, Integer> entry = iterator.next();
        if (entry.getKey().segmentId().equals(segmentId)) {
          iterator.remove();
          cachedBytes -= entry.getValue();
          deleteQuietly(pathOf(entry.getKey()));
        }
      }
    }
  }

  private record Loaded(byte[] bytes, boolean downloadedHere) {}

  private Loaded load(ChunkKey key, ChunkLoader loader) throws ChunkLoadException {
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = loading.putIfAbsent(key, mine);
    if (running != null) {
      return new Loaded(await(key, running), false);
    }
    try {
      // It may have been cached between the caller's look and claiming the download.
      Optional<byte[]> cached = readCached(key);
      if (cached.isPresent()) {
        mine.complete(cached.get());
        return new Loaded(cached.get(), false);
      }
      byte[] bytes;
      try {
        bytes = loader.load();
      } catch (Exception e) {
        mine.completeExceptionally(e);
        throw new ChunkLoadException("could not load chunk " + key + ": " + e.getMessage(), e);
      }
      store(key, bytes);
      mine.complete(bytes);
      return new Loaded(bytes, true);
    } finally {
      if (!mine.isDone()) {
        mine.completeExceptionally(new IllegalStateException("loading " + key + " ended abruptly"));
      }
      loading.remove(key, mine);
    }
  }

  private static byte[] await(ChunkKey key, CompletableFuture<byte[]> running)
      throws ChunkLoadException {
    try {
      return running.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new ChunkLoadException(
          "could not load chunk " + key + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChunkLoadException("interrupted while waiting for chunk " + key, e);
    }
  }

  private Optional<byte[]> readCached(ChunkKey key) {
    synchronized (lock) {
      if (entries.get(key) == null) {
        return Optional.empty();
      }
    }
    try {
      byte[] bytes = Files.readAllBytes(pathOf(key));
      if (bytes.length == key.originalLength()) {
        return Optional.of(bytes);
      }
      LOG.warn(
          "Dropping cached chunk {} of {} bytes, expected {}",
          key,
          bytes.length,
          key.originalLength());
    } catch (NoSuchFileException evictedMeanwhile) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Dropping cached chunk {} that cannot be read: {}", key, e.toString());
    }
    forget(key);
    return Optional.empty();
  }

  private void store(ChunkKey key, byte[] bytes) {
    if (bytes.length > maxBytes) {
      return;
    }
    Path target = pathOf(key);
    Path temporary =
        directory.resolve(key.fileName() + "." + temporaryNames.incrementAndGet() + ".partial");
    try {
      Files.write(temporary, bytes);
      synchronized (lock) {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Integer previous = entries.put(key, bytes.length);
        cachedBytes += bytes.length - (previous == null ? 0 : previous);
        evictOverflow();
      }
    } catch (IOException e) {
      // The cache only saves downloads; a full or broken disk must not fail the read.
      LOG.warn("Could not cache chunk {} in {}: {}", key, directory, e.toString());
      deleteQuietly(temporary);
    }
  }

  private void evictOverflow() {
    Iterator<Map.Entry<ChunkKey, Integer>> eldestFirst = entries.entrySet().iterator();
    while (cachedBytes > maxBytes && eldestFirst.hasNext()) {
      Map.Entry<ChunkKey, Integer> eldest = eldestFirst.next();
      eldestFirst.remove();
      cachedBytes -= eldest.getValue();
      deleteQuietly(pathOf(eldest.getKey()));
    }
  }

  private void forget(ChunkKey key) {
    synchronized (lock) {
      Integer size = entries.remove(key);
      if (size != null) {
        cachedBytes -= size;
        deleteQuietly(pathOf(key));
      }
    }
  }

  private Path pathOf(ChunkKey key) {
    return directory.resolve(key.fileName());
  }

  private static void emptyDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete cache file {}: {}", file, e.toString());
    }
  }
}
