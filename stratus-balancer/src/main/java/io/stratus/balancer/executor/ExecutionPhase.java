package io.stratus.balancer.executor;

/** Where an execution of a balance plan stands. */
public enum ExecutionPhase {
  /** No plan has been started, or recovered. */
  IDLE,
  /** Reassigning partitions to their planned replica lists, batch by batch. */
  MOVING_REPLICAS,
  /** Every reassignment is over; electing the planned (preferred) leaders. */
  MOVING_LEADERS,
  /** Every move is done or was skipped because the cluster changed since planning. */
  DONE,
  /** Stopped on request: moves in flight were cancelled, nothing more is started. */
  STOPPED,
  /** Given up after a move was refused too often; moves in flight were cancelled. */
  FAILED;

  /** Whether the execution has ended, one way or another. */
  public boolean ended() {
    return this == DONE || this == STOPPED || this == FAILED;
  }

  /** Whether an execution is under way: it changes the cluster on the next tick. */
  public boolean active() {
    return this == MOVING_REPLICAS || this == MOVING_LEADERS;
  }
}
