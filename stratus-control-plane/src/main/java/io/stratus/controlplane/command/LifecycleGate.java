package io.stratus.controlplane.command;

import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.LifecycleOperation;
import io.stratus.controlplane.model.AgentReport;
import io.stratus.controlplane.model.ReadModel;
import java.util.Optional;

/**
 * One lifecycle operation per cluster at a time. A change to what the brokers are (their number,
 * Kafka version or configuration) or a restart starts an operation on the data plane; the next may
 * start only once the data plane has taken up the last change to the spec and reports the cluster
 * {@code READY}, so that two rolls never overlap and a user always knows which change the cluster
 * is working on. A change of balancing mode starts no operation and is never held back; neither is
 * anything asked of a {@code FAILED} cluster, which runs no operation and may need a change to
 * recover. Pure and stateless.
 */
final class LifecycleGate {

  private static final String ONE_AT_A_TIME =
      "; one lifecycle operation at a time — retry once it is READY";

  private LifecycleGate() {}

  /** Whether going from {@code current} to {@code next} starts a lifecycle operation. */
  static boolean startsOperation(ClusterSpec current, ClusterSpec next) {
    return current.brokers() != next.brokers()
        || !current.kafkaVersion().equals(next.kafkaVersion())
        || !current.config().equals(next.config())
        || !current.restartRequestedAt().equals(next.restartRequestedAt());
  }

  /**
   * Why {@code cluster} cannot start a lifecycle operation now, saying what it is busy with; empty
   * when it can. Busy means: no agent has reported on it yet, the agent has not taken up its
   * current resource version, or the agent reports it {@code PROVISIONING} or {@code UPDATING}.
   */
  static Optional<Rejection> busy(ReadModel model, DesiredCluster cluster) {
    Optional<ClusterStatus> reported =
        model
            .report(cluster.id())
            .filter(AgentReport.Reported.class::isInstance)
            .map(report -> ((AgentReport.Reported) report).status());
    if (reported.isEmpty()) {
      return busy(
          cluster, "it is being created and no data plane agent has reported on it yet", "");
    }
    ClusterStatus status = reported.get();
    if (status.phase() == ClusterPhase.FAILED) {
      return Optional.empty();
    }
    if (status.phase() == ClusterPhase.PROVISIONING || status.phase() == ClusterPhase.UPDATING) {
      return busy(cluster, working(status), "");
    }
    if (status.observedVersion() < cluster.resourceVersion()) {
      return busy(
          cluster,
          "the data plane has not yet taken up version "
              + cluster.resourceVersion()
              + " of its spec (it last acted on version "
              + status.observedVersion()
              + ")",
          " at version " + cluster.resourceVersion());
    }
    return Optional.empty();
  }

  private static Optional<Rejection> busy(DesiredCluster cluster, String what, String readyAt) {
    return Optional.of(
        Rejection.busy("cluster " + cluster.id() + " is busy: " + what + ONE_AT_A_TIME + readyAt));
  }

  /** What the agent says the cluster is doing, e.g. "rolling restart, 1 of 3 brokers restarted". */
  private static String working(ClusterStatus status) {
    if (status.operation().isEmpty()) {
      return status.message().isBlank()
          ? status.phase().name()
          : status.phase().name() + " (" + status.message() + ")";
    }
    LifecycleOperation operation = status.operation().get();
    StringBuilder text =
        new StringBuilder(name(operation))
            .append(", ")
            .append(operation.nodesDone())
            .append(" of ")
            .append(operation.nodesTotal())
            .append(" brokers ")
            .append(done(operation));
    operation.node().ifPresent(node -> text.append(", broker ").append(node).append(" now"));
    operation.waitingFor().ifPresent(reason -> text.append(" (").append(reason).append(')'));
    return text.toString();
  }

  private static String name(LifecycleOperation operation) {
    return switch (operation.kind()) {
      case RESTART -> "rolling restart";
      case RECONFIGURE -> "rolling restart to apply broker configuration";
      case UPGRADE -> "rolling upgrade";
      case EXPAND -> "expansion";
      case SHRINK -> "shrink";
    };
  }

  private static String done(LifecycleOperation operation) {
    return switch (operation.kind()) {
      case RESTART, RECONFIGURE -> "restarted";
      case UPGRADE -> "upgraded";
      case EXPAND -> "added";
      case SHRINK -> "removed";
    };
  }
}
