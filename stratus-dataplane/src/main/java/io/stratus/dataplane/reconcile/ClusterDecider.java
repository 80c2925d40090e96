package io.stratus.dataplane.reconcile;

import static io.stratus.dataplane.reconcile.Decision.ids;

import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.KafkaVersionOrder;
import io.stratus.api.OperationKind;
import io.stratus.dataplane.kafka.MetadataVersionLevels;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    TargetChange change = TargetChange.between(seen.desired().spec(), layout);
    if (change.any()) {
      return retarget(seen, layout, change);
    }
    if (!layout.dueRestart().isEmpty()) {
      return RollDecider.roll(seen, layout, changing);
    }
    Optional<Decision> settling = RollDecider.settling(seen, layout, changing);
    if (settling.isPresent()) {
      return settling.get();
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
              "adding broker " + (brokers.size() + 1) + " of " + wanted)
          .during(
              RollDecider.operation(
                  OperationKind.EXPAND,
                  brokers.size(),
                  wanted,
                  Optional.of(layout.nextNodeId()),
                  Optional.empty()));
    }
    if (brokers.size() > wanted) {
      return ShrinkDecider.shrink(seen, layout, brokers);
    }
    Optional<MetadataVersionLevels> metadata = seen.lifecycle().metadataVersion();
    if (metadata.isPresent() && metadata.get().behind()) {
      MetadataVersionLevels levels = metadata.get();
      return Decision.act(
              new Step.FinalizeMetadataVersion(levels.supported()),
              ClusterPhase.UPDATING,
              "upgrade to Kafka "
                  + layout.kafkaVersion()
                  + ": every node runs it; finalizing metadata.version level "
                  + levels.finalized()
                  + " -> "
                  + levels.supported())
          .during(
              RollDecider.operation(
                  OperationKind.UPGRADE,
                  layout.nodes().size(),
                  layout.nodes().size(),
                  Optional.empty(),
                  Optional.empty()));
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

  /**
   * Takes in a changed spec. Settings Kafka changes live are applied at once; a new version, a
   * setting only a restart applies, a removed setting (the running brokers would keep the old value
   * until they restart) or a restart request make every node due a restart.
   */
  private static Decision retarget(Observation seen, ClusterLayout layout, TargetChange change) {
    ClusterSpec spec = seen.desired().spec();
    if (change.version() && KafkaVersionOrder.older(spec.kafkaVersion(), layout.kafkaVersion())) {
      return Decision.waiting(
          ClusterPhase.FAILED,
          "not downgrading from Kafka "
              + layout.kafkaVersion()
              + " to "
              + spec.kafkaVersion()
              + ": Kafka cannot lower a finalized metadata.version; set kafkaVersion back to "
              + layout.kafkaVersion());
    }
    Optional<OperationKind> roll =
        change.version() ? Optional.of(OperationKind.UPGRADE) : Optional.empty();
    Map<String, String> live = new TreeMap<>();
    if (!change.changedKeys().isEmpty()) {
      Optional<Set<String>> restartOnly = seen.lifecycle().restartOnly();
      if (restartOnly.isEmpty()) {
        return Decision.waiting(
            ClusterPhase.UPDATING,
            "asking Kafka which of the changed settings "
                + change.changedKeys()
                + " it applies without a restart");
      }
      change
          .set()
          .forEach(
              (key, value) -> {
                if (!restartOnly.get().contains(key)) {
                  live.put(key, value);
                }
              });
      if (live.size() < change.set().size() || !change.removed().isEmpty()) {
        roll = roll.or(() -> Optional.of(OperationKind.RECONFIGURE));
      }
    }
    if (change.restart()) {
      roll = roll.or(() -> Optional.of(OperationKind.RESTART));
    }
    Step step =
        new Step.Retarget(
            spec.kafkaVersion(),
            layout.revision().next(spec.config(), spec.restartRequestedAt(), roll),
            live,
            roll);
    String message;
    if (roll.isPresent()) {
      message =
          RollDecider.describe(
                  roll.get(), layout.retargeted(spec.kafkaVersion(), layout.revision()))
              + ": every node restarts, one at a time"
              + (live.isEmpty() ? "" : "; applied " + live.keySet() + " live");
    } else {
      message = "applying " + live.keySet() + " live, without a restart";
    }
    return Decision.act(step, ClusterPhase.UPDATING, message);
  }

  private static Set<Integer> brokerIds(ClusterLayout layout) {
    return layout.nodes().stream()
        .filter(n -> n.roles().contains(NodeRole.BROKER))
        .map(NodeLayout::nodeId)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
