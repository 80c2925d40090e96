package io.stratus.controlplane.command;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on decisions. */
final class Decisions {

  private Decisions() {}

  static <T> Decision.Accepted<T> accepted(Decision<T> decision) {
    assertThat(decision)
        .as("expected the command to be accepted")
        .isInstanceOf(Decision.Accepted.class);
    return (Decision.Accepted<T>) decision;
  }

  static Rejection rejected(Decision<?> decision) {
    assertThat(decision)
        .as("expected the command to be refused")
        .isInstanceOf(Decision.Rejected.class);
    return ((Decision.Rejected<?>) decision).rejection();
  }
}
