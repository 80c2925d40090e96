package io.stratus.plugins.tiered.store;

/**
 * The store could not be reached or answered with a transient error (connection refused, timeout,
 * throttling, 5xx). The same call may succeed later.
 */
public class ObjectStoreUnavailableException extends ObjectStoreException {

  public ObjectStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
