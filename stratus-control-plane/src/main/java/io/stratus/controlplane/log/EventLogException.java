package io.stratus.controlplane.log;

import io.stratus.controlplane.ControlPlaneException;

/**
 * An operation on the state log failed and left nothing behind: a failed append wrote nothing, so
 * it may be tried again.
 */
public class EventLogException extends ControlPlaneException {

  /** A failure with a reason. */
  public EventLogException(String message) {
    super(message);
  }

  /** A failure with a reason and its cause. */
  public EventLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
