package io.stratus.dataplane.substrate.local;

import java.nio.file.Path;

/**
 * Decides whether a process is a node's broker. A pid file alone is not proof: after the broker
 * dies the operating system may give its pid to another process. Pure and thread-safe.
 */
final class NodeProcessMatcher {

  private NodeProcessMatcher() {}

  /**
   * Whether the process is alive and was launched for the node configured by {@code
   * serverProperties}: its command line holds that node's {@link BrokerCommand#nodeMarker}, as a
   * whole argument.
   */
  static boolean isNodeProcess(ProcessSnapshot process, Path serverProperties) {
    if (!process.alive()) {
      return false;
    }
    String marker = BrokerCommand.nodeMarker(serverProperties);
    return process
        .commandLine()
        .map(line -> (line + " ").contains(" " + marker + " "))
        .orElse(false);
  }
}
