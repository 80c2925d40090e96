package io.stratus.balancer.monitor;

import io.stratus.balancer.BalancerException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/**
 * Waiting for an Admin call with a bound, its failure turned into a {@link BalancerException}.
 * Stateless; thread-safe.
 */
final class AdminCalls {

  private AdminCalls() {}

  /**
   * The future's value, waiting at most {@code timeout}.
   *
   * @param what the call, as the error message names it, e.g. {@code describe the cluster}
   * @throws BalancerException if the call failed, timed out or the wait was interrupted
   */
  static <T> T await(KafkaFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new BalancerException("cannot " + what + ": " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new BalancerException(
          "cannot " + what + ": no answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BalancerException("interrupted while waiting to " + what, e);
    }
  }

  /** The timeout as Admin options take it. */
  static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}
