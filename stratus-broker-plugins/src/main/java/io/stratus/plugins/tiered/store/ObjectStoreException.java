package io.stratus.plugins.tiered.store;

/** An object store operation failed; subclasses say whether the object is missing or the store. */
public class ObjectStoreException extends Exception {

  public ObjectStoreException(String message) {
    super(message);
  }

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
