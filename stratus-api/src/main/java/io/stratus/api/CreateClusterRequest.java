package io.stratus.api;

import java.util.Map;

/**
 * The body of {@code POST /v1/clusters}. Fields hold what the user sent, unvalidated; absent
 * optional fields are {@code null} here and take the platform's defaults.
 *
 * @param name required; a DNS label
 * @param type required; {@code dedicated}
 * @param brokers optional, default 3
 * @param kafkaVersion optional, default the platform's Kafka version
 * @param config optional broker configuration overrides
 * @param balancing optional, default {@code {"mode":"any-uneven-load"}}
 */
public record CreateClusterRequest(
    String name,
    String type,
    Integer brokers,
    String kafkaVersion,
    Map<String, String> config,
    BalancingRequest balancing) {

  /** A request that leaves balancing at the default. */
  public CreateClusterRequest(
      String name, String type, Integer brokers, String kafkaVersion, Map<String, String> config) {
    this(name, type, brokers, kafkaVersion, config, null);
  }
}
