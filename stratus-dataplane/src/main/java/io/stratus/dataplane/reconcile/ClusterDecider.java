package io.stratus.dataplane.reconcile;

import static io.stratus.dataplane.reconcile.Decision.ids;

import io.stratus.api.ClusterPhase;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRole;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides the next step for one cluster from what the agent observed. Level-triggered: each call
 * looks at the whole observation, so a step that failed or was interrupted is simply decided again.
 * One step at a time for anything that changes membership, so every change is checked against Kafka
 * before the next. Pure; thread-safe.
 */
public final class ClusterDecider {

  private ClusterDecider() {}

  /** The next step for the observed cluster. */
  public static Decision decide(Observation seen) {
    int wanted = seen.desired().spec().brokers();
    if (seen.desired().deleting()) {
      return Decision.act(
          new Step.DeleteCluster(),
          ClusterPhase.DELETING,
          "stopping brokers and removing the cluster's data");
    }
    if (seen.layout().isEmpty()) {
      return Decision.act(
          new Step.Provision(wanted),
          ClusterPhase.PROVISIONING,
          "creating " + wanted + " broker" + (wanted == 1 ? "" : "s"));
    }
    ClusterLayout layout = seen.layout().get();
    ClusterPhase changing = seen.everReady() ? ClusterPhase.UPDATING : ClusterPhase.PROVISIONING;

    Set<Integer> stopped =
        seen.alive().entrySet().stream()
            .filter(e -> !e.getValue())
            .map(e -> e.getKey())
            .collect(Collectors.toCollection(TreeSet::new));
    if (!stopped.isEmpty()) {
      String why = seen.everReady() ? " (the process had exited)" : "";
      return Decision.act(
          new Step.StartNodes(stopped), changing, "starting broker " + ids(stopped) + why);
    }
    if (seen.registered().isEmpty()) {
      return Decision.waiting(
          changing, "waiting for the brokers to answer on the internal listener");
    }
    Set<Integer> brokers = brokerIds(layout);
    Set<Integer> unregistered = new TreeSet<>(brokers);
    unregistered.removeAll(seen.registered().get());
    if (!unregistered.isEmpty()) {
      return Decision.waiting(
          changing,
          "waiting for broker "
              + ids(unregistered)
              + " to register with the controller ("
              + (brokers.size() - unregistered.size())
              + " of "
              + brokers.size()
              + " running)");
    }
    if (brokers.size() < wanted) {
      return Decision.act(
          new Step.AddBroker(),
          ClusterPhase.UPDATING,
          "adding broker " + (brokers.size() + 1) + " of " + wanted);
    }
    if (brokers.size() > wanted) {
      return shrink(seen, layout, brokers);
    }
    if (!seen.missingKeys().isEmpty()) {
      int count = seen.missingKeys().size();
      return Decision.act(
          new Step.CreateKeys(seen.missingKeys()),
          seen.everReady() ? ClusterPhase.READY : changing,
          "creating " + count + " API key" + (count == 1 ? "" : "s"));
    }
    return Decision.waiting(
        ClusterPhase.READY,
        brokers.size() + " broker" + (brokers.size() == 1 ? "" : "s") + " running");
  }

  private static Decision shrink(Observation seen, ClusterLayout layout, Set<Integer> brokers) {
    Optional<NodeLayout> leaving =
        layout.nodes().stream()
            .filter(n -> !n.roles().contains(NodeRole.CONTROLLER))
            .max(Comparator.comparingInt(NodeLayout::nodeId));
    if (leaving.isEmpty()) {
      return Decision.waiting(
          ClusterPhase.FAILED,
          "cannot go below "
              + brokers.size()
              + " brokers: every remaining broker also runs the KRaft controller quorum");
    }
    int leavingId = leaving.get().nodeId();
    if (seen.assignments().isEmpty()) {
      return new Decision(
          List.of(), ClusterPhase.UPDATING, "reading partition assignments", leavingId);
    }
    Set<Integer> remaining = new TreeSet<>(brokers);
    remaining.remove(leavingId);
    Optional<String> blocker = DrainCheck.blocker(seen.assignments().get(), remaining);
    if (blocker.isPresent()) {
      return new Decision(
          List.of(),
          ClusterPhase.UPDATING,
          "cannot remove broker " + leavingId + ": " + blocker.get(),
          leavingId);
    }
    long hosted = DrainCheck.replicasOn(leavingId, seen.assignments().get());
    if (hosted == 0 && seen.reassigning().isEmpty()) {
      return new Decision(
          List.of(new Step.RemoveBroker(leavingId)),
          ClusterPhase.UPDATING,
          "removing broker " + leavingId + " (it holds no replicas)",
          leavingId);
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
        leavingId);
  }

  private static Set<Integer> brokerIds(ClusterLayout layout) {
    return layout.nodes().stream()
        .filter(n -> n.roles().contains(NodeRole.BROKER))
        .map(NodeLayout::nodeId)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
