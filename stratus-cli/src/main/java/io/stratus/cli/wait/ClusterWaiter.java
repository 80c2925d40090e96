package io.stratus.cli.wait;

import io.stratus.api.Cluster;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.client.ApiResponse;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls a cluster once a second until a {@link WaitCondition} holds, fails, or the timeout passes,
 * showing progress on a {@link ProgressLine}. Time comes from the injected clock and sleeper. Not
 * thread-safe.
 */
public final class ClusterWaiter {

  /** How often the cluster is looked at. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private final Clock clock;
  private final Sleeper sleeper;
  private final ProgressLine progress;

  public ClusterWaiter(Clock clock, Sleeper sleeper, ProgressLine progress) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /** A waiter on the environment's time, showing progress on {@code err}. */
  public static ClusterWaiter create(CliEnvironment environment, PrintWriter err) {
    return new ClusterWaiter(
        environment.clock(),
        environment.sleeper(),
        new ProgressLine(err, environment.stderrIsTerminal(), environment.unicode()));
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @param lookup one look at the cluster: the API's answer, empty when it answers 404
   * @param condition what to wait for
   * @param timeout how long to wait at most
   * @return the last answer seen (empty when the cluster is gone)
   * @throws StratusCliException if the condition fails, the timeout passes, or the wait is
   *     interrupted
   */
  public Optional<ApiResponse<Cluster>> await(
      Supplier<Optional<ApiResponse<Cluster>>> lookup, WaitCondition condition, Duration timeout) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    String lastProgress = "no answer yet";
    try {
      while (true) {
        Optional<ApiResponse<Cluster>> seen = lookup.get();
        WaitOutcome outcome = condition.evaluate(seen.map(ApiResponse::value));
        if (outcome instanceof WaitOutcome.Done) {
          return seen;
        }
        if (outcome instanceof WaitOutcome.Failed failed) {
          throw new StratusCliException(failed.reason());
        }
        lastProgress = ((WaitOutcome.Pending) outcome).progress();
        Instant now = clock.instant();
        progress.show(lastProgress, Duration.between(start, now));
        Duration remaining = Duration.between(now, deadline);
        if (remaining.isNegative() || remaining.isZero()) {
          throw new StratusCliException(
              "timed out after "
                  + Durations.format(timeout)
                  + " waiting for "
                  + condition.goal()
                  + "; last seen: "
                  + lastProgress);
        }
        sleeper.sleep(remaining.compareTo(POLL_INTERVAL) < 0 ? remaining : POLL_INTERVAL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StratusCliException("interrupted while waiting for " + condition.goal());
    } finally {
      progress.finish();
    }
  }
}
