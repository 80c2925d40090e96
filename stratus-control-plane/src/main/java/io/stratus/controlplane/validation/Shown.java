package io.stratus.controlplane.validation;

/** How a value a user sent is quoted back in a message: whole if short, else cut. Stateless. */
public final class Shown {

  private static final int LIMIT = 80;

  private Shown() {}

  /** The value, cut to a readable length. */
  public static String value(String value) {
    return value.length() <= LIMIT ? value : value.substring(0, LIMIT) + "…";
  }
}
