package io.stratus.cli.bench;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.cli.wait.WaitCondition;
import io.stratus.cli.wait.WaitOutcome;

/**
 * Whether a newly created cluster has become what the bench times: {@code status.phase == READY}
 * with {@code status.brokers} holding every broker asked for. Pure.
 */
final class ReadyWithBrokers {

  private ReadyWithBrokers() {}

  /**
   * What one look at the cluster means.
   *
   * @param cluster the cluster as the API shows it now
   * @param brokers how many brokers it was created with
   * @return done, pending with a line of progress, or failed once the data plane has given up on
   *     the version the bench created
   */
  static WaitOutcome evaluate(Cluster cluster, int brokers) {
    ClusterStatus status = cluster.status();
    if (status.phase() == ClusterPhase.READY && status.brokers().size() == brokers) {
      return new WaitOutcome.Done();
    }
    if (status.phase() == ClusterPhase.FAILED
        && status.observedVersion() >= cluster.resourceVersion()) {
      String reason = status.message().isBlank() ? "no reason given" : status.message();
      return new WaitOutcome.Failed("cluster " + cluster.id() + " FAILED: " + reason);
    }
    return new WaitOutcome.Pending(WaitCondition.progress(cluster));
  }
}
