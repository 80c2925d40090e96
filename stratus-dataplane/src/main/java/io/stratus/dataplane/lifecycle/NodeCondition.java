package io.stratus.dataplane.lifecycle;

/** Whether a node serves, as the safe-roll gate sees it. */
public enum NodeCondition {
  /** Its process runs and, for a broker, it is registered and unfenced. */
  SERVING,
  /**
   * Its process runs but it does not serve yet: not registered, or registered and fenced. It may be
   * recovering its log, so it must not be restarted.
   */
  STARTING,
  /** Its process does not run. */
  DOWN
}
