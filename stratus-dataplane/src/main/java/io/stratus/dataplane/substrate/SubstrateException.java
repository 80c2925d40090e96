package io.stratus.dataplane.substrate;

/** A substrate operation failed; the message says what failed and what to do about it. */
public class SubstrateException extends RuntimeException {

  public SubstrateException(String message) {
    super(message);
  }

  public SubstrateException(String message, Throwable cause) {
    super(message, cause);
  }
}
