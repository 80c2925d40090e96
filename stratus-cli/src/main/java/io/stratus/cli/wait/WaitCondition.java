package io.stratus.cli.wait;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.cli.output.ClusterText;
import java.util.Optional;

/** What a {@code --wait} waits for, decided from one look at the cluster. Pure. */
public sealed interface WaitCondition {

  /** The cluster waited on. */
  String clusterId();

  /** What is being waited for, to finish "waiting for ...". */
  String goal();

  /**
   * What this look at the cluster means for the wait.
   *
   * @param seen the cluster as the API shows it now, empty if the API says it does not exist
   */
  WaitOutcome evaluate(Optional<Cluster> seen);

  /**
   * The data plane has acted on a write and the cluster is serving: {@code status.phase == READY}
   * and {@code status.observedVersion >= resourceVersion}. A {@code FAILED} phase ends the wait
   * only once the data plane has observed the write, so a cluster that had failed before the write
   * is given the chance to recover.
   *
   * @param clusterId the cluster
   * @param resourceVersion the resource version the write produced
   */
  record Ready(String clusterId, long resourceVersion) implements WaitCondition {
    @Override
    public String goal() {
      return clusterId + " to be READY at version " + resourceVersion;
    }

    @Override
    public WaitOutcome evaluate(Optional<Cluster> seen) {
      if (seen.isEmpty()) {
        return new WaitOutcome.Failed("cluster " + clusterId + " was deleted while waiting for it");
      }
      ClusterStatus status = seen.get().status();
      boolean observed = status.observedVersion() >= resourceVersion;
      if (observed && status.phase() == ClusterPhase.READY) {
        return new WaitOutcome.Done();
      }
      if (observed && status.phase() == ClusterPhase.FAILED) {
        return new WaitOutcome.Failed(
            "cluster " + clusterId + " FAILED: " + messageOrUnknown(status));
      }
      return new WaitOutcome.Pending(progress(seen.get()));
    }
  }

  /**
   * The cluster is gone: the API answers 404 for it. A {@code FAILED} phase ends the wait once the
   * data plane has observed a version newer than the one read before the delete.
   *
   * @param clusterId the cluster
   * @param versionBeforeDelete the resource version read before deleting
   */
  record Gone(String clusterId, long versionBeforeDelete) implements WaitCondition {
    @Override
    public String goal() {
      return clusterId + " to be deleted";
    }

    @Override
    public WaitOutcome evaluate(Optional<Cluster> seen) {
      if (seen.isEmpty()) {
        return new WaitOutcome.Done();
      }
      ClusterStatus status = seen.get().status();
      if (status.phase() == ClusterPhase.FAILED && status.observedVersion() > versionBeforeDelete) {
        return new WaitOutcome.Failed(
            "deleting cluster " + clusterId + " FAILED: " + messageOrUnknown(status));
      }
      return new WaitOutcome.Pending(progress(seen.get()));
    }
  }

  /**
   * One line on what a cluster is doing, e.g. {@code lkc-ab12cd PROVISIONING 2/3 brokers running —
   * starting broker 2}, with the lifecycle operation in progress when there is one: {@code
   * lkc-ab12cd UPDATING 3/3 brokers running — rolling restart: 1 of 3 brokers, broker 1 now (33%) —
   * restarting broker 1}.
   */
  static String progress(Cluster cluster) {
    ClusterStatus status = cluster.status();
    String line =
        cluster.id()
            + " "
            + status.phase()
            + " "
            + ClusterText.running(cluster)
            + "/"
            + cluster.spec().brokers()
            + " brokers running"
            + status
                .operation()
                .map(operation -> " — " + ClusterText.operation(operation))
                .orElse("");
    return status.message().isBlank() ? line : line + " — " + status.message();
  }

  private static String messageOrUnknown(ClusterStatus status) {
    return status.message().isBlank() ? "the data plane gave no reason" : status.message();
  }
}
