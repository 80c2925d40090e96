package io.stratus.plugins.tiered.cache;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads chunks into a {@link ChunkCache} ahead of a sequential reader, on a small pool of daemon
 * threads with a bounded queue. Best effort: when the queue is full a request is dropped, and a
 * failed prefetch is logged at debug level and forgotten (the reader will load the chunk itself and
 * see the error then). Thread-safe.
 */
public final class ChunkPrefetcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkPrefetcher.class);

  private final ChunkCache cache;
  private final ThreadPoolExecutor executor;

  /**
   * @param cache where prefetched chunks go
   * @param threads how many downloads may run at once
   * @param queueCapacity how many requests may wait; more are dropped
   */
  public ChunkPrefetcher(ChunkCache cache, int threads, int queueCapacity) {
    this.cache = cache;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            daemonThreads(),
            new ThreadPoolExecutor.DiscardPolicy());
    this.executor.allowCoreThreadTimeOut(true);
  }

  /** Schedules loading {@code key} unless it is cached or on its way. */
  public void prefetch(ChunkKey key, ChunkLoader loader) {
    if (executor.isShutdown() || cache.contains(key) || cache.isLoading(key)) {
      return;
    }
    executor.execute(
        () -> {
          try {
            cache.prefetch(key, loader);
          } catch (ChunkLoadException e) {
            LOG.debug("Prefetch of chunk {} failed: {}", key, e.getMessage());
          }
        });
  }

  /** Stops the threads, abandoning queued requests and interrupting running ones. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Prefetch threads did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "stratus-rsm-prefetch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
