package io.stratus.dataplane.agent;

import io.stratus.api.BalanceStatus;
import io.stratus.api.ClusterPhase;
import io.stratus.api.DesiredCluster;
import io.stratus.api.LifecycleOperation;
import io.stratus.dataplane.reconcile.Decision;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completes what the user sees of an operation with what the balancer reports: a drain's progress
 * in bytes moved, and an expansion that lasts until the balancer has filled the new brokers.
 * Remembers the brokers each cluster's expansion added. Not thread-safe: used from the agent's loop
 * thread only.
 */
final class OperationProgress {

  private final Map<String, Set<Integer>> expanding = new HashMap<>();

  /** The expansion of this cluster added this broker. */
  void added(String clusterId, int brokerId) {
    expanding.computeIfAbsent(clusterId, id -> new HashSet<>()).add(brokerId);
  }

  /** Forgets a deleted cluster. */
  void forget(String clusterId) {
    expanding.remove(clusterId);
  }

  /** The decision as the user should see it once the balancer has run. */
  Decision report(DesiredCluster desired, Decision decision, Optional<BalanceStatus> balance) {
    String id = desired.id();
    if (decision.draining() >= 0 && decision.operation().isPresent()) {
      int percent =
          balance.flatMap(BalanceStatus::progress).map(progress -> progress.percent()).orElse(0);
      LifecycleOperation shrink = decision.operation().get();
      if (shrink.percent() == 100 || percent == shrink.percent()) {
        return decision;
      }
      return new Decision(
          decision.steps(),
          decision.phase(),
          decision.message() + " (" + percent + "% of the bytes moved)",
          decision.draining(),
          Optional.of(
              new LifecycleOperation(
                  shrink.kind(),
                  shrink.nodesDone(),
                  shrink.nodesTotal(),
                  shrink.node(),
                  percent,
                  shrink.waitingFor())));
    }
    Set<Integer> added = expanding.get(id);
    if (added == null || decision.phase() != ClusterPhase.READY) {
      return decision;
    }
    int brokers = desired.spec().brokers();
    Optional<LifecycleOperation> fill =
        ExpansionFill.pending(added, brokers, desired.spec().balancing().mode(), balance);
    if (fill.isEmpty()) {
      expanding.remove(id);
      return decision;
    }
    String message =
        "filling new broker"
            + (added.size() == 1 ? " " : "s ")
            + Decision.ids(added)
            + ": "
            + fill.get().waitingFor().orElse(fill.get().percent() + "% of the bytes moved");
    return new Decision(List.of(), ClusterPhase.UPDATING, message, -1, fill);
  }
}
