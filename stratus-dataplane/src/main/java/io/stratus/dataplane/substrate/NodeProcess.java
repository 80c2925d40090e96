package io.stratus.dataplane.substrate;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Whether one node's process is running.
 *
 * @param nodeId the node
 * @param pid the operating system's process id, present exactly when the process is alive
 * @param alive whether the node's process is running
 */
public record NodeProcess(int nodeId, OptionalLong pid, boolean alive) {

  public NodeProcess {
    Objects.requireNonNull(pid, "pid");
  }

  /** A node whose process runs as {@code pid}. */
  public static NodeProcess running(int nodeId, long pid) {
    return new NodeProcess(nodeId, OptionalLong.of(pid), true);
  }

  /** A node without a running process. */
  public static NodeProcess stopped(int nodeId) {
    return new NodeProcess(nodeId, OptionalLong.empty(), false);
  }
}
