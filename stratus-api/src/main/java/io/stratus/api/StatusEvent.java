package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A value on the status topic, written by data plane agents. The topic is compacted and keyed by
 * {@link #resourceKey()}; a tombstone under a cluster's key means the agent has removed the cluster
 * completely. Once it has, the agent tombstones the cluster's balance key too.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StatusEvent.ClusterReported.class, name = "cluster"),
  @JsonSubTypes.Type(value = StatusEvent.AgentRegistered.class, name = "agent"),
  @JsonSubTypes.Type(value = StatusEvent.BalanceReported.class, name = "balance")
})
public sealed interface StatusEvent {

  /** The topic key this event is compacted under. */
  String resourceKey();

  /** The record key of a cluster's status; the same form as its desired-state key. */
  static String clusterKey(String clusterId) {
    return DesiredEvent.clusterKey(clusterId);
  }

  /** The record key of an agent's registration. */
  static String agentKey(String agentId) {
    return "agent/" + agentId;
  }

  /**
   * The record key of a cluster's balancer status. Balancer reports change often and are larger
   * than cluster reports, so they travel under their own key rather than inside {@link
   * ClusterReported}.
   */
  static String balanceKey(String clusterId) {
    return "balance/" + clusterId;
  }

  /** The agent's view of one cluster. */
  record ClusterReported(String clusterId, ClusterStatus status, Instant reportedAt)
      implements StatusEvent {
    @Override
    public String resourceKey() {
      return clusterKey(clusterId);
    }
  }

  /**
   * An agent announces itself and the public key that secrets for its clusters are sealed with.
   *
   * @param agentId a stable identifier of the agent
   * @param publicKey its RSA public key, X.509 DER, base64
   * @param registeredAt when it (re)started
   */
  record AgentRegistered(String agentId, String publicKey, Instant registeredAt)
      implements StatusEvent {
    @Override
    public String resourceKey() {
      return agentKey(agentId);
    }
  }

  /**
   * The balancer's view of one cluster.
   *
   * @param clusterId the cluster
   * @param status what the balancer is doing and how the load is spread
   * @param reportedAt when the agent published it
   */
  record BalanceReported(String clusterId, BalanceStatus status, Instant reportedAt)
      implements StatusEvent {
    @Override
    public String resourceKey() {
      return balanceKey(clusterId);
    }
  }
}
