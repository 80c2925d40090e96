package io.stratus.controlplane.command;

import java.util.Objects;

/**
 * How a command ended: done, with everything it decided committed to the log and replayed into the
 * read model, or refused with nothing written.
 *
 * @param <T> the answer's type
 */
public sealed interface Outcome<T> {

  /** Committed and replayed. */
  record Done<T>(T value) implements Outcome<T> {
    public Done {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Refused; nothing was written. */
  record Refused<T>(Rejection rejection) implements Outcome<T> {
    public Refused {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
