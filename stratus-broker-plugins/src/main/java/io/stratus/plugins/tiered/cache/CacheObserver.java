package io.stratus.plugins.tiered.cache;

/** Told about cache outcomes, for metrics. Implementations must be thread-safe and fast. */
public interface CacheObserver {

  /** A read found its chunk on disk. */
  void hit();

  /** A read did not find its chunk on disk and waited for a download. */
  void miss();

  /** A chunk was downloaded ahead of being read. */
  void prefetched();

  /** Ignores everything. */
  CacheObserver NONE =
      new CacheObserver() {
        @Override
        public void hit() {}

        @Override
        public void miss() {}

        @Override
        public void prefetched() {}
      };
}
