package io.stratus.api;

/** The state of one broker process as the data plane sees it. */
public enum BrokerState {
  /** The process runs but the broker has not registered with the controller yet. */
  STARTING,
  /** Registered, unfenced and serving. */
  RUNNING,
  /** Its replicas are being moved elsewhere before it is removed. */
  DRAINING,
  /** Being shut down on purpose. */
  STOPPING,
  /** Not running. */
  STOPPED
}
