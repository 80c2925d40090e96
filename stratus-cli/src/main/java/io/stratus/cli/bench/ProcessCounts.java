package io.stratus.cli.bench;

import java.util.Map;

/**
 * How many processes of each {@link ProcessRole} a memory sample covered.
 *
 * @param platform the {@code stratus up} JVM (1 while it runs)
 * @param systemKafka system Kafka processes (1 while it runs)
 * @param tenantBrokers brokers of tenant clusters
 * @param other other processes naming the data directory
 */
record ProcessCounts(int platform, int systemKafka, int tenantBrokers, int other) {

  /** The counts per role; a role without an entry has none. */
  static ProcessCounts of(Map<ProcessRole, Integer> counts) {
    return new ProcessCounts(
        counts.getOrDefault(ProcessRole.PLATFORM, 0),
        counts.getOrDefault(ProcessRole.SYSTEM_KAFKA, 0),
        counts.getOrDefault(ProcessRole.TENANT_BROKER, 0),
        counts.getOrDefault(ProcessRole.OTHER, 0));
  }
}
