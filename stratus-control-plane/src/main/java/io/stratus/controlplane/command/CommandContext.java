package io.stratus.controlplane.command;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The time and randomness commands decide with, injected so that decisions can be reproduced.
 *
 * @param clock the time of events
 * @param ids draws cluster ids; need not be secure
 * @param secrets draws key ids and secrets; must be a secure generator outside tests
 */
public record CommandContext(Clock clock, RandomGenerator ids, RandomGenerator secrets) {

  public CommandContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(secrets, "secrets");
  }

  /** Now, by the clock. */
  public Instant now() {
    return clock.instant();
  }
}
