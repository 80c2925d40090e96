package io.stratus.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a user asked for: the desired shape of one cluster.
 *
 * @param name a DNS label chosen by the user, unique among live clusters
 * @param type the kind of cluster
 * @param brokers how many brokers should serve it
 * @param kafkaVersion the Apache Kafka version its brokers should run
 * @param config broker configuration overrides, applied on top of the platform's defaults
 */
public record ClusterSpec(
    String name, ClusterType type, int brokers, String kafkaVersion, Map<String, String> config) {

  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** This spec with a different broker count. */
  public ClusterSpec withBrokers(int count) {
    return new ClusterSpec(name, type, count, kafkaVersion, config);
  }
}
