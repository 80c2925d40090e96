package io.stratus.plugins.tiered.format;

/**
 * A stored segment cannot be read: its manifest is unreadable or of an unknown version, a block
 * does not decode or authenticate, or it needs a key this broker does not have. Retrying does not
 * help; the message says which object and what is wrong.
 */
public class SegmentFormatException extends Exception {

  public SegmentFormatException(String message) {
    super(message);
  }

  public SegmentFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
