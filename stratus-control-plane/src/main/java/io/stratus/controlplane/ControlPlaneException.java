package io.stratus.controlplane;

/**
 * The root of the control plane's exceptions: something the control plane could not do, with a
 * message that says why in words an operator can act on.
 */
public class ControlPlaneException extends RuntimeException {

  /** A failure with a reason. */
  public ControlPlaneException(String message) {
    super(message);
  }

  /** A failure with a reason and its cause. */
  public ControlPlaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
