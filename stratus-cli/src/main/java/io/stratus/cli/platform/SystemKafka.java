package io.stratus.cli.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Waits for the platform's own one-node Kafka to serve, through the Admin API. */
final class SystemKafka {

  private SystemKafka() {}

  static void awaitReady(Map<String, Object> clientConfig, Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("client.id", "stratus-platform-readiness");
    config.put("request.timeout.ms", 5000);
    config.put("default.api.timeout.ms", 5000);
    Instant deadline = Instant.now().plus(timeout);
    String lastError = "no answer";
    try (Admin admin = Admin.create(config)) {
      while (Instant.now().isBefore(deadline)) {
        try {
          if (!admin.describeCluster().nodes().get(6, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          lastError = e.getCause() == null ? e.toString() : e.getCause().getMessage();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PlatformException("interrupted while waiting for the system Kafka");
        }
      }
    }
    throw new PlatformException(
        "the system Kafka did not become ready within "
            + timeout.toSeconds()
            + "s ("
            + lastError
            + "); see its log under system/ in the data directory");
  }
}
