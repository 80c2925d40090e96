package io.stratus.dataplane.balance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers since when each broker of a cluster has been missing from Kafka's live brokers, and
 * calls it failed once it has been missing longer than the grace period. A broker that restarts
 * within the grace period (the usual case: the agent restarts exited processes) costs no data
 * movement. Not thread-safe: owned by one cluster's balancer.
 */
final class BrokerAbsence {

  private final Duration grace;
  private final Map<Integer, Instant> missingSince = new HashMap<>();

  BrokerAbsence(Duration grace) {
    this.grace = grace;
  }

  /**
   * Records what was seen now and returns the brokers missing for longer than the grace period.
   *
   * @param expected the brokers the cluster should have
   * @param live the brokers Kafka lists as registered and unfenced
   * @param now the current time
   */
  Set<Integer> failed(Set<Integer> expected, Set<Integer> live, Instant now) {
    missingSince.keySet().retainAll(expected);
    Set<Integer> failed = new TreeSet<>();
    for (int broker : expected) {
      if (live.contains(broker)) {
        missingSince.remove(broker);
        continue;
      }
      Instant since = missingSince.computeIfAbsent(broker, b -> now);
      if (!now.isBefore(since.plus(grace))) {
        failed.add(broker);
      }
    }
    return failed;
  }

  /** The grace period, for status messages. */
  Duration grace() {
    return grace;
  }
}
