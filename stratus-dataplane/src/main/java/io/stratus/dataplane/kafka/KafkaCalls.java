package io.stratus.dataplane.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for Admin results, turning every failure into {@link ClusterAdminException}. */
final class KafkaCalls {

  private KafkaCalls() {}

  static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(ClusterAdmin.CALL_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterAdminException("interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      throw new ClusterAdminException(
          "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new ClusterAdminException(
          "could not " + what + ": no answer within " + ClusterAdmin.CALL_TIMEOUT.toSeconds() + "s",
          e);
    }
  }
}
