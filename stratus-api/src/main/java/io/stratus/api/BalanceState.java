package io.stratus.api;

/** What the data plane's balancer is doing for one cluster. */
public enum BalanceState {
  /** Waiting for enough load samples to judge the cluster; nothing is planned yet. */
  COLLECTING,
  /** Every goal holds; nothing to move. */
  BALANCED,
  /**
   * Some goal is broken and no plan runs, for example because the balancing mode does not let the
   * balancer act on uneven load; {@code message} says why.
   */
  UNBALANCED,
  /** Computing a plan. */
  PLANNING,
  /** Carrying out a plan: partitions are being reassigned; {@code progress} says how far. */
  MOVING,
  /** A running plan was stopped on request; the moves already done stay. */
  STOPPED,
  /** The last plan could not be made or carried out; {@code message} says why. */
  FAILED;

  /** Whether a plan is being made or carried out now. */
  public boolean busy() {
    return this == PLANNING || this == MOVING;
  }
}
