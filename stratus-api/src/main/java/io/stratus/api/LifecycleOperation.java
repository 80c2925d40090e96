package io.stratus.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A lifecycle operation in progress on a cluster: what it is, how far it has come and what it waits
 * for. A cluster runs at most one at a time.
 *
 * @param kind what is being done
 * @param nodesDone for rolling operations, the nodes already restarted; for expand and shrink, the
 *     brokers already added or removed
 * @param nodesTotal how many nodes the operation touches in all
 * @param node the node being worked on now, if any
 * @param percent how much is done, 0 to 100: nodes for rolling operations, bytes moved for a shrink
 * @param waitingFor why the next step has not been taken yet, in words a user can act on; absent
 *     while the operation is moving
 */
public record LifecycleOperation(
    OperationKind kind,
    int nodesDone,
    int nodesTotal,
    Optional<Integer> node,
    int percent,
    Optional<String> waitingFor) {

  public LifecycleOperation {
    Objects.requireNonNull(kind, "kind");
    node = node == null ? Optional.empty() : node;
    waitingFor = waitingFor == null ? Optional.empty() : waitingFor;
    percent = Math.max(0, Math.min(100, percent));
  }
}
