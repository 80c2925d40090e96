package io.stratus.cli.bench;

/** What a process of the platform under test is, for the memory split. */
enum ProcessRole {
  /** The {@code stratus up} JVM: control plane and agent. */
  PLATFORM,
  /** The one-node Kafka that holds the control plane's state ({@code <data-dir>/system/}). */
  SYSTEM_KAFKA,
  /** A broker of a tenant cluster ({@code <data-dir>/clusters/}). */
  TENANT_BROKER,
  /** Any other process whose command line names the data directory, e.g. Kafka's storage tool. */
  OTHER
}
