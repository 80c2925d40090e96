package io.stratus.plugins.tiered.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkCacheTest {

  private static final int CHUNK = 1000;

  @TempDir Path directory;
  private final CountingObserver observer = new CountingObserver();

  @Test
  void loadsOnceThenServesFromDisk() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, 10L * CHUNK, observer);
    AtomicInteger loads = new AtomicInteger();
    ChunkKey key = key(0);

    byte[] first = cache.get(key, () -> bytes(0, loads));
    byte[] second = cache.get(key, () -> bytes(0, loads));

    assertThat(second).isEqualTo(first).isEqualTo(bytes(0, new AtomicInteger()));
    assertThat(loads).hasValue(1);
    assertThat(observer.hits).hasValue(1);
    assertThat(observer.misses).hasValue(1);
    assertThat(Files.size(directory.resolve(key.fileName()))).isEqualTo(CHUNK);
  }

  @Test
  void staysWithinItsSizeEvictingTheLeastRecentlyUsed() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, 3L * CHUNK, observer);
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      int chunk = i;
      cache.get(key(chunk), () -> bytes(chunk, loads));
    }
    cache.get(key(0), () -> bytes(0, loads)); // 0 is now the most recently used

    for (int i = 3; i < 10; i++) {
      int chunk = i;
      cache.get(key(chunk), () -> bytes(chunk, loads));
      assertThat(cache.cachedBytes()).isLessThanOrEqualTo(3L * CHUNK);
      assertThat(bytesOnDisk()).isEqualTo(cache.cachedBytes());
    }
    assertThat(cache.cachedChunks()).isEqualTo(3);
    assertThat(cache.contains(key(9))).isTrue();
    assertThat(cache.contains(key(1))).isFalse();

    ChunkCache touchedFirst = ChunkCache.open(directory.resolve("lru"), 3L * CHUNK, observer);
    for (int chunk : new int[] {0, 1, 2, 0, 3}) {
      touchedFirst.get(key(chunk), () -> bytes(chunk, loads));
    }
    assertThat(touchedFirst.contains(key(0))).as("recently read chunk 0 stays").isTrue();
    assertThat(touchedFirst.contains(key(1))).as("least recently used chunk 1 goes").isFalse();
  }

  @Test
  void concurrentRequestsForTheSameChunkShareOneDownload() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, 10L * CHUNK, observer);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    ChunkLoader slow =
        () -> {
          release.await(10, TimeUnit.SECONDS);
          return bytes(5, loads);
        };
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CompletableFuture<byte[]> first =
          CompletableFuture.supplyAsync(() -> get(cache, slow), threads);
      await().atMost(Duration.ofSeconds(5)).until(() -> cache.isLoading(key(5)));
      CompletableFuture<byte[]> second =
          CompletableFuture.supplyAsync(() -> get(cache, slow), threads);
      CompletableFuture<byte[]> third =
          CompletableFuture.supplyAsync(() -> get(cache, slow), threads);
      release.countDown();

      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(second.get(5, TimeUnit.SECONDS));
      assertThat(third.get(5, TimeUnit.SECONDS)).hasSize(CHUNK);
      assertThat(loads).as("one download served all three").hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void failedLoadIsReportedAndNotCached() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, 10L * CHUNK, observer);
    IOException failure = new IOException("store unreachable");

    assertThatThrownBy(
            () ->
                cache.get(
                    key(1),
                    () -> {
                      throw failure;
                    }))
        .isInstanceOf(ChunkLoadException.class)
        .hasMessageContaining("store unreachable")
        .hasCause(failure);
    assertThat(cache.contains(key(1))).isFalse();
    assertThat(cache.isLoading(key(1))).isFalse();
    assertThat(cache.get(key(1), () -> bytes(1, new AtomicInteger()))).hasSize(CHUNK);
  }

  @Test
  void startsEmptyAndForgetsDeletedSegments() throws Exception {
    Files.writeString(directory.resolve("left-over.chunk"), "from a previous run");
    Files.createDirectories(directory.resolve("sub"));
    ChunkCache cache = ChunkCache.open(directory, 10L * CHUNK, observer);
    assertThat(bytesOnDisk()).isZero();
    assertThat(Files.exists(directory.resolve("sub"))).isFalse();

    cache.get(key(0), () -> bytes(0, new AtomicInteger()));
    ChunkKey otherSegment = new ChunkKey("other", 0, CHUNK);
    cache.get(otherSegment, () -> bytes(0, new AtomicInteger()));
    cache.invalidateSegment("seg");

    assertThat(cache.contains(key(0))).isFalse();
    assertThat(cache.contains(otherSegment)).isTrue();
    assertThat(bytesOnDisk()).isEqualTo(CHUNK);
  }

  @Test
  void chunkLargerThanTheCacheIsServedButNotKept() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, CHUNK - 1, observer);
    assertThat(cache.get(key(0), () -> bytes(0, new AtomicInteger()))).hasSize(CHUNK);
    assertThat(cache.cachedChunks()).isZero();
  }

  @Test
  void prefetchLoadsOnlyWhatIsMissing() throws Exception {
    ChunkCache cache = ChunkCache.open(directory, 10L * CHUNK, observer);
    AtomicInteger loads = new AtomicInteger();
    assertThat(cache.prefetch(key(2), () -> bytes(2, loads))).isTrue();
    assertThat(cache.prefetch(key(2), () -> bytes(2, loads))).isFalse();
    assertThat(loads).hasValue(1);
    assertThat(observer.prefetches).hasValue(1);
    assertThat(observer.hits.get() + observer.misses.get()).isZero();
  }

  private static byte[] get(ChunkCache cache, ChunkLoader loader) {
    try {
      return cache.get(key(5), loader);
    } catch (ChunkLoadException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ChunkKey key(int chunk) {
    return new ChunkKey("seg", (long) chunk * CHUNK, CHUNK);
  }

  private static byte[] bytes(int chunk, AtomicInteger loads) {
    loads.incrementAndGet();
    byte[] bytes = new byte[CHUNK];
    Arrays.fill(bytes, (byte) chunk);
    return bytes;
  }

  private long bytesOnDisk() throws IOException {
    try (Stream<Path> files = Files.walk(directory, 1)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  static final class CountingObserver implements CacheObserver {
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger prefetches = new AtomicInteger();

    @Override
    public void hit() {
      hits.incrementAndGet();
    }

    @Override
    public void miss() {
      misses.incrementAndGet();
    }

    @Override
    public void prefetched() {
      prefetches.incrementAndGet();
    }
  }
}
