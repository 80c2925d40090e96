package io.stratus.dataplane.lifecycle;

import java.util.Objects;

/**
 * What a roll does next, as {@link SafeRollGate#next} decides it: restart one node now, or wait.
 * Immutable and thread-safe.
 */
public sealed interface RollStep {

  /** The node this step is about: the one to restart, or the first in roll order to wait for. */
  int nodeId();

  /**
   * Restart this node now: stop it gracefully, then start it.
   *
   * @param nodeId the node to restart
   */
  record Restart(int nodeId) implements RollStep {}

  /**
   * Restart no node yet; ask again once the cluster's health has changed.
   *
   * @param nodeId the first pending node in roll order, whose refusal {@code reason} is
   * @param reason why that node may not be restarted now, in words a user reads in the cluster's
   *     status
   */
  record Wait(int nodeId, String reason) implements RollStep {
    public Wait {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
