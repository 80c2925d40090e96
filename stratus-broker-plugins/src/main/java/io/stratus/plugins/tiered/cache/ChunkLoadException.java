package io.stratus.plugins.tiered.cache;

/** Loading a chunk failed; the cause is what the {@link ChunkLoader} threw. */
public class ChunkLoadException extends Exception {

  public ChunkLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
