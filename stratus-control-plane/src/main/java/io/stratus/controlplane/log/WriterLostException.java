package io.stratus.controlplane.log;

import io.stratus.controlplane.ControlPlaneException;

/**
 * This instance can no longer write the desired state: another instance with the same transactional
 * id fenced it, or the outcome of a write is unknown. It must stop accepting writes; every later
 * append fails the same way.
 */
public class WriterLostException extends ControlPlaneException {

  /** A lost writer with the reason. */
  public WriterLostException(String message) {
    super(message);
  }

  /** A lost writer with the reason and its cause. */
  public WriterLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
