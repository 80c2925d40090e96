package io.stratus.plugins.tiered.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkPrefetcherTest {

  @TempDir Path directory;

  @Test
  void loadsInTheBackgroundOnceAndSurvivesFailures() throws Exception {
    ChunkCacheTest.CountingObserver observer = new ChunkCacheTest.CountingObserver();
    ChunkCache cache = ChunkCache.open(directory, 10_000, observer);
    AtomicInteger loads = new AtomicInteger();
    try (ChunkPrefetcher prefetcher = new ChunkPrefetcher(cache, 2, 8)) {
      ChunkKey key = new ChunkKey("seg", 0, 3);
      prefetcher.prefetch(
          new ChunkKey("seg", 3, 3),
          () -> {
            throw new IllegalStateException("boom");
          });
      prefetcher.prefetch(
          key,
          () -> {
            loads.incrementAndGet();
            return new byte[] {1, 2, 3};
          });

      await().atMost(Duration.ofSeconds(5)).until(() -> cache.contains(key));
      prefetcher.prefetch(
          key,
          () -> {
            loads.incrementAndGet();
            return new byte[] {1, 2, 3};
          });
      assertThat(loads).hasValue(1);
      assertThat(observer.prefetches).hasValue(1);
    }
  }
}
