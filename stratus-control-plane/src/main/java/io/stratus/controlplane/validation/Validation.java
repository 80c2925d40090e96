package io.stratus.controlplane.validation;

import java.util.Objects;

/** The result of checking a request: a value that follows every rule, or the rule broken first. */
public sealed interface Validation<T> {

  /** The value this validation holds. */
  static <T> Validation<T> valid(T value) {
    return new Valid<>(value);
  }

  /** A broken rule. */
  static <T> Validation<T> invalid(String field, String detail) {
    return new Invalid<>(new Violation(field, detail));
  }

  /** Every rule holds. */
  record Valid<T>(T value) implements Validation<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A rule was broken. */
  record Invalid<T>(Violation violation) implements Validation<T> {
    public Invalid {
      Objects.requireNonNull(violation, "violation");
    }
  }
}
