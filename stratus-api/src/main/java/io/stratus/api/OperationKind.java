package io.stratus.api;

import java.util.Locale;

/** The kind of lifecycle operation the data plane is carrying out on a cluster. */
public enum OperationKind {
  /** Every node restarted once, one at a time, because the user asked for it. */
  RESTART,
  /**
   * Every node restarted once, one at a time, to apply broker configuration Kafka cannot change
   * live.
   */
  RECONFIGURE,
  /**
   * Every node restarted onto another Kafka version, one at a time, then the new metadata version
   * finalized.
   */
  UPGRADE,
  /** Brokers added, then filled by the balancer. */
  EXPAND,
  /** A broker emptied by the balancer, then stopped and unregistered. */
  SHRINK;

  /** The name used in JSON and on the command line. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
