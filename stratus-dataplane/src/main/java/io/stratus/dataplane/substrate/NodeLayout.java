package io.stratus.dataplane.substrate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a cluster: its id, roles and ports.
 *
 * @param nodeId the KRaft {@code node.id}
 * @param roles what the node does; never empty
 * @param clientPort the tenant ({@code CLIENT}) listener's port, 0 if the cluster has none
 * @param internalPort the {@code INTERNAL} listener's port on 127.0.0.1, 0 if not a broker
 * @param controllerPort the {@code CONTROLLER} listener's port on 127.0.0.1, 0 if not a controller
 * @param started what the node last started with; absent until it first starts (and in layouts
 *     written before nodes recorded it)
 */
public record NodeLayout(
    int nodeId,
    Set<NodeRole> roles,
    int clientPort,
    int internalPort,
    int controllerPort,
    Optional<NodeRevision> started) {

  public NodeLayout {
    Objects.requireNonNull(roles, "roles");
    started = started == null ? Optional.empty() : started;
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("node " + nodeId + " has no role");
    }
    if (nodeId < 0) {
      throw new IllegalArgumentException("node id must not be negative, was " + nodeId);
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    requirePort(nodeId, "internalPort", internalPort, roles.contains(NodeRole.BROKER));
    requirePort(nodeId, "controllerPort", controllerPort, roles.contains(NodeRole.CONTROLLER));
    if (clientPort < 0 || clientPort > 65535) {
      throw new IllegalArgumentException(
          "node " + nodeId + " clientPort out of range: " + clientPort);
    }
  }

  /** A node that has not started yet. */
  public NodeLayout(
      int nodeId, Set<NodeRole> roles, int clientPort, int internalPort, int controllerPort) {
    this(nodeId, roles, clientPort, internalPort, controllerPort, Optional.empty());
  }

  /** This node, recorded as started with {@code revision}. */
  public NodeLayout startedWith(NodeRevision revision) {
    return new NodeLayout(
        nodeId, roles, clientPort, internalPort, controllerPort, Optional.of(revision));
  }

  /** Whether the node serves clients and hosts partitions. */
  public boolean runsBroker() {
    return roles.contains(NodeRole.BROKER);
  }

  /** Whether the node is a voter of the metadata quorum. */
  public boolean runsController() {
    return roles.contains(NodeRole.CONTROLLER);
  }

  private static void requirePort(int nodeId, String name, int port, boolean required) {
    boolean valid = required ? port > 0 && port <= 65535 : port == 0;
    if (!valid) {
      throw new IllegalArgumentException(
          "node "
              + nodeId
              + " "
              + name
              + " must be "
              + (required ? "a port number" : "0 for its roles")
              + ", was "
              + port);
    }
  }
}
