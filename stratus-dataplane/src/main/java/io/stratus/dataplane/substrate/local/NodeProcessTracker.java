package io.stratus.dataplane.substrate.local;

import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the running process of a node from its pid file, and removes pid files that name a dead
 * process or someone else's. This is how a restarted platform adopts brokers left running.
 * Thread-safe for different nodes.
 */
final class NodeProcessTracker {

  private static final Logger log = LoggerFactory.getLogger(NodeProcessTracker.class);

  /** The node's live process, if it has one. */
  Optional<ProcessHandle> running(String clusterId, int nodeId, NodePaths node) {
    OptionalLong pid = PidFile.read(node.pidFile());
    if (pid.isEmpty()) {
      if (Files.exists(node.pidFile())) {
        log.warn("[cluster={} node={}] removing unreadable pid file", clusterId, nodeId);
        PidFile.delete(node.pidFile());
      }
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong());
    ProcessSnapshot snapshot =
        handle.map(ProcessSnapshot::of).orElse(ProcessSnapshot.gone(pid.getAsLong()));
    if (NodeProcessMatcher.isNodeProcess(snapshot, node.serverProperties())) {
      return handle;
    }
    log.info(
        "[cluster={} node={}] removing stale pid file pid={} reason={}",
        clusterId,
        nodeId,
        pid.getAsLong(),
        snapshot.alive() ? "pid belongs to another process" : "process gone");
    PidFile.delete(node.pidFile());
    return Optional.empty();
  }
}
