package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A value on the desired-state topic. The topic is compacted and keyed by {@link #resourceKey()},
 * so each event carries the whole desired state of its resource and the latest one wins; a
 * tombstone (null value) means the resource is gone.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DesiredEvent.ClusterChanged.class, name = "cluster"),
  @JsonSubTypes.Type(value = DesiredEvent.TenantKeyIssued.class, name = "tenant-key"),
  @JsonSubTypes.Type(value = DesiredEvent.PlatformKeyIssued.class, name = "platform-key"),
  @JsonSubTypes.Type(value = DesiredEvent.BalanceRequested.class, name = "balance-request")
})
public sealed interface DesiredEvent {

  /** The topic key this event is compacted under. */
  String resourceKey();

  /** The record key of a cluster's desired state. */
  static String clusterKey(String clusterId) {
    return "cluster/" + clusterId;
  }

  /** The record key of a Kafka client credential. */
  static String tenantKeyKey(String keyId) {
    return "tenant-key/" + keyId;
  }

  /** The record key of a REST API key. */
  static String platformKeyKey(String keyId) {
    return "platform-key/" + keyId;
  }

  /**
   * The record key of a cluster's latest balance request. It is not under the cluster's own key
   * ({@code cluster/<id>}), so that readers which take the text after {@code cluster/} as a cluster
   * id never mistake it for one.
   */
  static String balanceRequestKey(String clusterId) {
    return "balance-request/" + clusterId;
  }

  /** A cluster was created, changed, or marked for deletion. */
  record ClusterChanged(DesiredCluster cluster) implements DesiredEvent {
    @Override
    public String resourceKey() {
      return clusterKey(cluster.id());
    }
  }

  /**
   * A Kafka client credential was issued for one cluster. The secret travels sealed to the agent
   * that runs the cluster (RSA-OAEP with the agent's public key), so the topic never holds it in
   * plaintext.
   *
   * @param key the SCRAM username
   * @param clusterId the cluster the credential is for
   * @param agentId the agent whose key sealed the secret
   * @param sealedSecret the password, encrypted to that agent, base64
   * @param createdAt when it was issued
   */
  record TenantKeyIssued(
      String key, String clusterId, String agentId, String sealedSecret, Instant createdAt)
      implements DesiredEvent {
    @Override
    public String resourceKey() {
      return tenantKeyKey(key);
    }
  }

  /**
   * A REST API key was issued. Only a hash of its secret is kept.
   *
   * @param keyId the public half of the key
   * @param secretHash SHA-256 of the secret half, hex
   * @param role what the key may do ({@code admin})
   * @param createdAt when it was issued
   */
  record PlatformKeyIssued(String keyId, String secretHash, String role, Instant createdAt)
      implements DesiredEvent {
    @Override
    public String resourceKey() {
      return platformKeyKey(keyId);
    }
  }

  /**
   * A user asked the balancer of one cluster to act. Only the latest request of a cluster is kept;
   * it is tombstoned when the cluster is deleted. The agent acts on a request once, and reports
   * that it did in {@link BalanceStatus#handledRequest()}; a request it already handled is not
   * acted on again, for example after the agent restarts.
   *
   * @param clusterId the cluster
   * @param requestId identifies this request among the cluster's requests
   * @param action what to do
   * @param requestedAt when the control plane accepted it
   */
  record BalanceRequested(
      String clusterId, String requestId, BalanceAction action, Instant requestedAt)
      implements DesiredEvent {
    @Override
    public String resourceKey() {
      return balanceRequestKey(clusterId);
    }
  }
}
