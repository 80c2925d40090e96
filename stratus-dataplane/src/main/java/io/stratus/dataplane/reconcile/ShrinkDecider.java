package io.stratus.dataplane.reconcile;

import io.stratus.api.ClusterPhase;
import io.stratus.api.OperationKind;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.NodeLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides the next step of removing a broker: which one (a broker already cordoned for removal,
 * else the broker-only node with the least data to move), whether the rest could take its data,
 * then drain, then remove once empty. Pure; thread-safe.
 */
final class ShrinkDecider {

  private ShrinkDecider() {}

  static Decision shrink(Observation seen, ClusterLayout layout, Set<Integer> brokers) {
    int wanted = seen.desired().spec().brokers();
    List<NodeLayout> removable =
        layout.nodes().stream().filter(n -> n.runsBroker() && !n.runsController()).toList();
    if (removable.isEmpty()) {
      return Decision.waiting(
          ClusterPhase.FAILED,
          "cannot go below "
              + brokers.size()
              + " brokers: every remaining broker also runs the KRaft controller quorum");
    }
    if (seen.assignments().isEmpty()) {
      return Decision.waiting(ClusterPhase.UPDATING, "reading partition assignments");
    }
    Map<Integer, Long> bytes = seen.lifecycle().brokerBytes();
    int leavingId =
        removable.stream()
            .map(NodeLayout::nodeId)
            .filter(seen.lifecycle().cordoned()::contains)
            .findFirst()
            .orElseGet(
                () ->
                    removable.stream()
                        .map(NodeLayout::nodeId)
                        .min(
                            Comparator.<Integer>comparingLong(id -> bytes.getOrDefault(id, 0L))
                                .thenComparing(Comparator.<Integer>reverseOrder()))
                        .orElseThrow());
    Set<Integer> remaining = new TreeSet<>(brokers);
    remaining.remove(leavingId);
    Optional<String> blocker =
        DrainCheck.blocker(seen.assignments().get(), remaining)
            .or(
                () ->
                    DrainCheck.spaceBlocker(
                        leavingId, bytes, remaining, seen.lifecycle().brokerDiskBytes()));
    long hosted = DrainCheck.replicasOn(leavingId, seen.assignments().get());
    int total = Math.max(1, brokers.size() - wanted);
    if (blocker.isPresent()) {
      // FAILED, not UPDATING: nothing will change by waiting, and the user must be able to ask
      // for the old size back (the control plane refuses changes while a cluster is UPDATING).
      String reason = "cannot remove broker " + leavingId + ": " + blocker.get();
      return new Decision(List.of(), ClusterPhase.FAILED, reason, leavingId)
          .during(
              RollDecider.operation(
                  OperationKind.SHRINK, 0, total, Optional.of(leavingId), Optional.of(reason)));
    }
    if (hosted == 0 && seen.reassigning().isEmpty()) {
      return new Decision(
              List.of(new Step.RemoveBroker(leavingId)),
              ClusterPhase.UPDATING,
              "removing broker " + leavingId + " (it holds no replicas)",
              leavingId)
          .during(
              new io.stratus.api.LifecycleOperation(
                  OperationKind.SHRINK, 0, total, Optional.of(leavingId), 100, Optional.empty()));
    }
    String moving =
        seen.reassigning().isEmpty()
            ? ""
            : ", "
                + seen.reassigning().size()
                + " partition move"
                + (seen.reassigning().size() == 1 ? "" : "s")
                + " in flight";
    return new Decision(
            List.of(new Step.DrainBroker(leavingId)),
            ClusterPhase.UPDATING,
            "draining broker "
                + leavingId
                + " before removing it: "
                + hosted
                + " replica"
                + (hosted == 1 ? "" : "s")
                + " left"
                + moving,
            leavingId)
        .during(
            RollDecider.operation(
                OperationKind.SHRINK, 0, total, Optional.of(leavingId), Optional.empty()));
  }
}
