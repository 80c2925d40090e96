package io.stratus.cli.bench;

import java.util.Map;

/**
 * An amount of memory, in MiB to one decimal, split by {@link ProcessRole}.
 *
 * @param platform the {@code stratus up} JVM
 * @param systemKafka the system Kafka
 * @param tenantBrokers every broker of the tenant clusters together
 * @param other any other process of the platform (normally none)
 * @param total all of them, rounded from the exact sum (so it may differ from the sum of the
 *     rounded parts by a tenth)
 */
record RoleMemory(
    double platform, double systemKafka, double tenantBrokers, double other, double total) {

  private static final double KIB_PER_MIB = 1024.0;

  /** The split of {@code kibibytes} per role; a role without an entry holds nothing. */
  static RoleMemory ofKibibytes(Map<ProcessRole, Long> kibibytes) {
    long total = kibibytes.values().stream().mapToLong(Long::longValue).sum();
    return new RoleMemory(
        mebibytes(kibibytes.getOrDefault(ProcessRole.PLATFORM, 0L)),
        mebibytes(kibibytes.getOrDefault(ProcessRole.SYSTEM_KAFKA, 0L)),
        mebibytes(kibibytes.getOrDefault(ProcessRole.TENANT_BROKER, 0L)),
        mebibytes(kibibytes.getOrDefault(ProcessRole.OTHER, 0L)),
        mebibytes(total));
  }

  private static double mebibytes(long kibibytes) {
    return Math.round(kibibytes / KIB_PER_MIB * 10) / 10.0;
  }
}
