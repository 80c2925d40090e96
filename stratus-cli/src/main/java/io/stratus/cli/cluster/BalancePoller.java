package io.stratus.cli.cluster;

import io.stratus.api.BalanceStatus;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.wait.Durations;
import io.stratus.cli.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Looks at a cluster's balance status at a fixed interval until a condition holds or a timeout
 * passes, handing every answer to an observer. Time comes from the injected clock and sleeper. Not
 * thread-safe.
 */
final class BalancePoller {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;

  BalancePoller(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = interval;
  }

  /**
   * Polls until {@code done} holds.
   *
   * @param lookup one look at the balance status
   * @param done what to wait for
   * @param observer sees every answer, the last one included
   * @param timeout how long to wait at most; empty to wait until interrupted
   * @param goal what is waited for, to finish "waiting for ..."
   * @return the answer {@code done} holds for
   * @throws StratusCliException if the timeout passes or the wait is interrupted
   */
  ApiResponse<BalanceStatus> poll(
      Supplier<ApiResponse<BalanceStatus>> lookup,
      Predicate<BalanceStatus> done,
      Consumer<ApiResponse<BalanceStatus>> observer,
      Optional<Duration> timeout,
      String goal) {
    Instant start = clock.instant();
    try {
      while (true) {
        ApiResponse<BalanceStatus> seen = lookup.get();
        observer.accept(seen);
        if (done.test(seen.value())) {
          return seen;
        }
        Duration wait = interval;
        if (timeout.isPresent()) {
          Duration remaining = Duration.between(clock.instant(), start.plus(timeout.get()));
          if (remaining.isNegative() || remaining.isZero()) {
            throw new StratusCliException(
                "timed out after "
                    + Durations.format(timeout.get())
                    + " waiting for "
                    + goal
                    + "; last seen: "
                    + seen.value().state()
                    + (seen.value().message().isBlank() ? "" : " — " + seen.value().message()));
          }
          wait = remaining.compareTo(interval) < 0 ? remaining : interval;
        }
        sleeper.sleep(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StratusCliException("interrupted while waiting for " + goal);
    }
  }
}
