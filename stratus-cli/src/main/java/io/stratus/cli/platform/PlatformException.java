package io.stratus.cli.platform;

/** The platform cannot start; the message says why and what to do. */
public final class PlatformException extends RuntimeException {
  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
