package io.stratus.plugins.tiered.store;

/** The requested key has no object. */
public class ObjectNotFoundException extends ObjectStoreException {

  public ObjectNotFoundException(String message) {
    super(message);
  }
}
