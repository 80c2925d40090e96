package io.stratus.plugins.tiered.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory LRU map from segment id to what was read from the segment's manifest, so
 * consecutive fetches of a segment do not read the manifest each time. Holds at most {@code
 * capacity} entries (0 disables it). Thread-safe.
 *
 * @param <V> what is cached per segment
 */
public final class ManifestCache<V> {

  private final int capacity;
  private final LinkedHashMap<String, V> entries;

  public ManifestCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > ManifestCache.this.capacity;
          }
        };
  }

  public synchronized Optional<V> get(String segmentId) {
    return Optional.ofNullable(entries.get(segmentId));
  }

  public synchronized void put(String segmentId, V value) {
    if (capacity > 0) {
      entries.put(segmentId, value);
    }
  }

  public synchronized void invalidate(String segmentId) {
    entries.remove(segmentId);
  }

  public synchronized int size() {
    return entries.size();
  }
}
