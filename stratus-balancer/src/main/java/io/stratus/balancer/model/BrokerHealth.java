package io.stratus.balancer.model;

/** Whether a broker may take replicas, and whether it must give its replicas up. */
public enum BrokerHealth {
  /** Serving; may take and keep replicas. */
  ALIVE,
  /** Being removed: cordoned so it takes no replicas, and every replica it hosts must move off. */
  DRAINING,
  /**
   * Gone past its grace period: takes no replicas, leads nothing, its replicas must be re-created.
   */
  DEAD;

  /** Whether the broker may be given new replicas. */
  public boolean acceptsReplicas() {
    return this == ALIVE;
  }
}
