package io.stratus.dataplane.kafka;

/** A call to a cluster's Admin API failed; the message says which call and why. */
public final class ClusterAdminException extends RuntimeException {
  public ClusterAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
