package io.stratus.dataplane.reconcile;

import io.stratus.api.ClusterPhase;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import io.stratus.dataplane.lifecycle.ClusterHealth;
import io.stratus.dataplane.lifecycle.RollStep;
import io.stratus.dataplane.lifecycle.SafeRollGate;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.NodeLayout;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides the next step of a rolling operation (restart, reconfiguration, upgrade): one node at a
 * time, each only when the {@link SafeRollGate} says Kafka can spare it, and the next only once the
 * last has rejoined and caught up. Level-triggered on the layout: the nodes that started under an
 * older generation are the ones left to restart, so a roll interrupted by an agent restart goes on
 * where it stopped. Pure; thread-safe.
 */
final class RollDecider {

  private static final SafeRollGate GATE =
      new SafeRollGate(SafeRollGate.DEFAULT_QUORUM_LAG_TOLERANCE);

  private RollDecider() {}

  /** The next step while some nodes are due a restart. */
  static Decision roll(Observation seen, ClusterLayout layout, ClusterPhase phase) {
    List<Integer> due = layout.dueRestart();
    OperationKind kind = layout.revision().rollKind();
    String what = describe(kind, layout);
    int total = layout.nodes().size();
    int done = total - due.size();
    Optional<ClusterHealth> health = seen.lifecycle().health();
    if (health.isEmpty()) {
      String waiting = "reading partition and quorum health from Kafka";
      return Decision.waiting(phase, what + ": " + waiting)
          .during(operation(kind, done, total, Optional.empty(), Optional.of(waiting)));
    }
    Optional<String> settling = GATE.settling(upToDate(layout), health.get());
    if (settling.isPresent()) {
      return Decision.waiting(phase, what + ": " + settling.get())
          .during(operation(kind, done, total, Optional.empty(), settling));
    }
    RollStep step = GATE.next(new TreeSet<>(due), health.get());
    if (step instanceof RollStep.Restart restart) {
      int node = restart.nodeId();
      return Decision.act(
              new Step.RestartNode(node),
              phase,
              what + ": restarting " + name(layout, node) + " (" + done + " of " + total + " done)")
          .during(operation(kind, done, total, Optional.of(node), Optional.empty()));
    }
    RollStep.Wait wait = (RollStep.Wait) step;
    return Decision.waiting(
            phase,
            what + ": not restarting " + name(layout, wait.nodeId()) + " yet: " + wait.reason())
        .during(
            operation(kind, done, total, Optional.of(wait.nodeId()), Optional.of(wait.reason())));
  }

  /**
   * Why a roll that restarted its last node is not finished yet: that node has not rejoined or
   * caught up. Empty when every node has, or when health was not read (no roll has just ended).
   */
  static Optional<Decision> settling(Observation seen, ClusterLayout layout, ClusterPhase phase) {
    Optional<ClusterHealth> health = seen.lifecycle().health();
    if (health.isEmpty()) {
      return Optional.empty();
    }
    OperationKind kind = layout.revision().rollKind();
    int total = layout.nodes().size();
    return GATE.settling(upToDate(layout), health.get())
        .map(
            reason ->
                Decision.waiting(phase, describe(kind, layout) + ": " + reason)
                    .during(operation(kind, total, total, Optional.empty(), Optional.of(reason))));
  }

  /** What a roll of this kind is called in status. */
  static String describe(OperationKind kind, ClusterLayout layout) {
    return switch (kind) {
      case UPGRADE -> "upgrade to Kafka " + layout.kafkaVersion();
      case RECONFIGURE -> "rolling reconfiguration";
      default -> "rolling restart";
    };
  }

  static LifecycleOperation operation(
      OperationKind kind,
      int done,
      int total,
      Optional<Integer> node,
      Optional<String> waitingFor) {
    int percent = total == 0 ? 100 : done * 100 / total;
    return new LifecycleOperation(kind, done, total, node, percent, waitingFor);
  }

  private static Set<Integer> upToDate(ClusterLayout layout) {
    return layout.nodes().stream()
        .filter(layout::upToDate)
        .map(NodeLayout::nodeId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String name(ClusterLayout layout, int nodeId) {
    return layout.node(nodeId).map(NodeLayout::runsBroker).orElse(true)
        ? "broker " + nodeId
        : "controller " + nodeId;
  }
}
