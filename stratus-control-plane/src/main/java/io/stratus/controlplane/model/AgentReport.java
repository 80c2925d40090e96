package io.stratus.controlplane.model;

import io.stratus.api.ClusterStatus;
import java.time.Instant;
import java.util.Objects;

/** What the status topic last said about one cluster. */
public sealed interface AgentReport {

  /** An agent reported the cluster's status. */
  record Reported(ClusterStatus status, Instant reportedAt) implements AgentReport {
    public Reported {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reportedAt, "reportedAt");
    }
  }

  /** An agent removed the cluster completely (a tombstone under its status key). */
  record Removed() implements AgentReport {}
}
