package io.stratus.plugins.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning logged at most once per period, saying how many like it were held back, so that a
 * reporter failing on every interval cannot flood the broker's log. Thread-safe.
 */
final class RateLimitedLog {

  private final Logger log;
  private final long periodNanos;
  private final LongSupplier nanoTime;
  private long lastLoggedNanos;
  private boolean loggedOnce;
  private long suppressed;

  RateLimitedLog(Logger log, Duration period, LongSupplier nanoTime) {
    this.log = log;
    this.periodNanos = period.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Logs {@code message} at WARN unless another was logged within the period.
   *
   * @return whether it was logged
   */
  synchronized boolean warn(String message) {
    long now = nanoTime.getAsLong();
    if (loggedOnce && now - lastLoggedNanos < periodNanos) {
      suppressed++;
      return false;
    }
    if (suppressed > 0) {
      log.warn("{} ({} similar warnings held back)", message, suppressed);
    } else {
      log.warn(message);
    }
    loggedOnce = true;
    lastLoggedNanos = now;
    suppressed = 0;
    return true;
  }
}
