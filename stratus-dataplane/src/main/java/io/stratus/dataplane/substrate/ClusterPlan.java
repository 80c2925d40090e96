package io.stratus.dataplane.substrate;

import java.util.Map;
import java.util.Objects;

/**
 * What to provision for one cluster.
 *
 * @param clusterId the cluster's id; a DNS label, since it names directories and resources
 * @param brokers how many brokers to provision; the first one or three of them are also the
 *     cluster's controllers
 * @param kafkaVersion the Apache Kafka version the nodes run
 * @param configOverrides broker configuration applied on top of the platform's defaults; keys the
 *     platform owns (listeners, security, quorum, storage paths) are rejected
 * @param tenantListener whether the nodes get a {@code CLIENT} listener for tenants (SASL/SCRAM);
 *     without one the cluster is reachable only through the internal listener
 */
public record ClusterPlan(
    String clusterId,
    int brokers,
    String kafkaVersion,
    Map<String, String> configOverrides,
    boolean tenantListener) {

  public ClusterPlan {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    configOverrides = configOverrides == null ? Map.of() : Map.copyOf(configOverrides);
    if (brokers < 1) {
      throw new IllegalArgumentException(
          "brokers must be at least 1 for cluster " + clusterId + ", was " + brokers);
    }
  }
}
