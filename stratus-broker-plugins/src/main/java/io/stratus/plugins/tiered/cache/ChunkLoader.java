package io.stratus.plugins.tiered.cache;

/** Downloads and decodes one chunk when the cache does not have it. */
@FunctionalInterface
public interface ChunkLoader {

  /** The decoded chunk; any failure is handed back to every caller waiting for it. */
  byte[] load() throws Exception;
}
