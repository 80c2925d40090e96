package io.stratus.controlplane.log;

import java.util.List;

/**
 * Everything on both state topics from their beginning up to where reading stopped, in offset order
 * per partition.
 */
public record LogContents(List<DesiredRecord> desired, List<StatusRecord> status) {
  public LogContents {
    desired = List.copyOf(desired);
    status = List.copyOf(status);
  }
}
