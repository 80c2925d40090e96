package io.stratus.dataplane.lifecycle;

import java.util.Objects;

/** Whether the safe-roll gate lets a node be restarted now. */
public sealed interface RollVerdict {

  /** The node may be restarted now. */
  record Safe(int nodeId) implements RollVerdict {}

  /**
   * The node must not be restarted now.
   *
   * @param nodeId the node asked about
   * @param reason why, naming the partition, broker or quorum that stops it, in words a user reads
   *     in the cluster's status
   */
  record Unsafe(int nodeId, String reason) implements RollVerdict {
    public Unsafe {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
