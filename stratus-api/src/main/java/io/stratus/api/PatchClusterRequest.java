package io.stratus.api;

import java.util.Map;

/**
 * The body of {@code PATCH /v1/clusters/{id}}: only the fields present change.
 *
 * @param brokers the new broker count
 * @param kafkaVersion the new Apache Kafka version
 * @param config broker configuration overrides replacing the current ones
 * @param resourceVersion when present, the write is refused with 409 unless the cluster is still at
 *     this version (the {@code If-Match} header does the same)
 * @param balancing the new balancing
 */
public record PatchClusterRequest(
    Integer brokers,
    String kafkaVersion,
    Map<String, String> config,
    Long resourceVersion,
    BalancingRequest balancing) {

  /** A patch that leaves balancing as it is. */
  public PatchClusterRequest(
      Integer brokers, String kafkaVersion, Map<String, String> config, Long resourceVersion) {
    this(brokers, kafkaVersion, config, resourceVersion, null);
  }
}
