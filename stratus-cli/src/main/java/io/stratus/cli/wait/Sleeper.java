package io.stratus.cli.wait;

import java.time.Duration;

/** Waits for a while. Injected so that tests can advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Returns after {@code duration} has passed. */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the current thread. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
