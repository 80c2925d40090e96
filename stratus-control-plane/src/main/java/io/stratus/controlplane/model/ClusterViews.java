package io.stratus.controlplane.model;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredCluster;
import java.util.Optional;

/**
 * Joins a cluster's desired state with what its agent last reported into the cluster the REST API
 * shows. Pure and stateless.
 */
public final class ClusterViews {

  /** The status message of a cluster no agent has reported on. */
  public static final String WAITING_FOR_AGENT =
      "waiting for a data plane agent to pick up the cluster";

  static final String WAITING_FOR_DELETION =
      "deletion requested; waiting for the data plane agent to stop the brokers and remove the data";

  static final String REMOVED_BY_AGENT = "the data plane agent has removed the cluster";

  private ClusterViews() {}

  /** The cluster as the API shows it. */
  public static Cluster of(DesiredCluster desired, Optional<AgentReport> report) {
    return new Cluster(
        desired.id(),
        desired.spec().name(),
        desired.spec().type(),
        desired.spec(),
        status(desired, report),
        desired.resourceVersion(),
        desired.createdAt());
  }

  private static ClusterStatus status(DesiredCluster desired, Optional<AgentReport> report) {
    Optional<ClusterStatus> reported =
        report
            .filter(AgentReport.Reported.class::isInstance)
            .map(r -> ((AgentReport.Reported) r).status());
    if (!desired.deleting()) {
      return reported.orElseGet(() -> ClusterStatus.pending(WAITING_FOR_AGENT));
    }
    if (report.isPresent() && report.get() instanceof AgentReport.Removed) {
      return deleting(ClusterStatus.pending(REMOVED_BY_AGENT), REMOVED_BY_AGENT);
    }
    // Deletion wins over whatever phase the agent last reported; its message only still applies
    // once the agent has seen the deletion.
    return reported
        .map(
            status ->
                deleting(
                    status,
                    status.observedVersion() >= desired.resourceVersion()
                        ? status.message()
                        : WAITING_FOR_DELETION))
        .orElseGet(
            () -> deleting(ClusterStatus.pending(WAITING_FOR_DELETION), WAITING_FOR_DELETION));
  }

  private static ClusterStatus deleting(ClusterStatus status, String message) {
    return new ClusterStatus(
        ClusterPhase.DELETING,
        status.bootstrap(),
        status.kafkaVersion(),
        status.brokers(),
        message,
        status.observedVersion(),
        status.storage(),
        status.operation(),
        status.metadataVersion());
  }
}
