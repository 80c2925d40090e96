package io.stratus.dataplane.balance;

import io.stratus.balancer.executor.ExecutorSettings;
import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.monitor.MonitorSettings;
import io.stratus.balancer.optimizer.BalancerSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent balances its clusters.
 *
 * @param monitor load sample windows and the samples topic
 * @param optimizer goal thresholds and utilisation limits
 * @param executor batch limits and the replication throttle
 * @param capacity what each broker can carry
 * @param modelEvery how often the load model is rebuilt from Kafka when nothing else asks for it
 * @param replanAfter how long after a plan ends (or proposes nothing) before the next automatic one
 * @param failureGrace how long a broker may be missing before its replicas are re-created elsewhere
 */
public record BalancerRuntimeSettings(
    MonitorSettings monitor,
    BalancerSettings optimizer,
    ExecutorSettings executor,
    BrokerCapacity capacity,
    Duration modelEvery,
    Duration replanAfter,
    Duration failureGrace) {

  /** Network capacity assumed per broker when nothing better is known: 100 MiB/s each way. */
  public static final double DEFAULT_NETWORK_BYTES_PER_SECOND = 100.0 * 1024 * 1024;

  /** Replicas a broker may host, Kafka's usual guidance for one broker. */
  public static final int DEFAULT_MAX_REPLICAS = 4000;

  public BalancerRuntimeSettings {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(modelEvery, "modelEvery");
    Objects.requireNonNull(replanAfter, "replanAfter");
    Objects.requireNonNull(failureGrace, "failureGrace");
    if (failureGrace.isNegative() || failureGrace.isZero()) {
      throw new IllegalArgumentException(
          "the broker failure grace period must be positive, was " + failureGrace);
    }
  }

  /** These settings with another grace period for missing brokers. */
  public BalancerRuntimeSettings withFailureGrace(Duration grace) {
    return new BalancerRuntimeSettings(
        monitor, optimizer, executor, capacity, modelEvery, replanAfter, grace);
  }

  /**
   * Defaults for brokers sharing one machine's disk of {@code diskBytes}: 30-second load windows
   * (six kept, two needed before rates count), the model rebuilt every 15 s, 30 s between automatic
   * plans, and five minutes' grace for a missing broker.
   */
  public static BalancerRuntimeSettings defaults(long diskBytes) {
    return new BalancerRuntimeSettings(
        MonitorSettings.defaults().withWindows(6, Duration.ofSeconds(30), 2),
        BalancerSettings.defaults(),
        ExecutorSettings.defaults(),
        new BrokerCapacity(
            diskBytes,
            DEFAULT_NETWORK_BYTES_PER_SECOND,
            DEFAULT_NETWORK_BYTES_PER_SECOND,
            DEFAULT_MAX_REPLICAS),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }
}
