package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.cache.ChunkLoadException;
import io.stratus.plugins.tiered.store.ObjectNotFoundException;
import io.stratus.plugins.tiered.store.ObjectStoreUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.server.log.remote.storage.RemoteResourceNotFoundException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.apache.kafka.server.log.remote.storage.RetriableRemoteStorageException;

/**
 * Turns this plugin's failures into the exceptions Kafka's {@code RemoteStorageManager} contract
 * names:
 *
 * <ul>
 *   <li>{@link ObjectStoreUnavailableException} (store unreachable, throttled, 5xx) becomes {@link
 *       RetriableRemoteStorageException};
 *   <li>{@link ObjectNotFoundException} while reading becomes {@link
 *       RemoteResourceNotFoundException} (while writing it is a plain failure);
 *   <li>everything else (other store errors, unreadable or undecryptable objects, local I/O)
 *       becomes {@link RemoteStorageException}.
 * </ul>
 *
 * Stateless.
 */
final class RemoteStorageErrors {

  private RemoteStorageErrors() {}

  /** A failure while reading what was stored: a missing object means a missing resource. */
  static RemoteStorageException reading(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ObjectNotFoundException) {
      return new RemoteResourceNotFoundException(what + ": " + cause.getMessage(), cause);
    }
    return writing(what, cause);
  }

  /** A failure while writing or deleting. */
  static RemoteStorageException writing(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RemoteStorageException remote) {
      return remote;
    }
    if (cause instanceof ObjectStoreUnavailableException) {
      return new RetriableRemoteStorageException(what + ": " + cause.getMessage(), cause);
    }
    return new RemoteStorageException(what + ": " + cause.getMessage(), cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ChunkLoadException
            || cause instanceof CompletionException
            || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
