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
 * @param balancing when the data plane moves partitions to keep the load even; specs written before
 *     balancing existed have none and get {@link BalancingSpec#DEFAULT}
 */
public record ClusterSpec(
    String name,
    ClusterType type,
    int brokers,
    String kafkaVersion,
    Map<String, String> config,
    BalancingSpec balancing) {

  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    config = config == null ? Map.of() : Map.copyOf(config);
    balancing = balancing == null ? BalancingSpec.DEFAULT : balancing;
  }

  /** A spec with the default balancing. */
  public ClusterSpec(
      String name, ClusterType type, int brokers, String kafkaVersion, Map<String, String> config) {
    this(name, type, brokers, kafkaVersion, config, BalancingSpec.DEFAULT);
  }

  /** This spec with a different broker count. */
  public ClusterSpec withBrokers(int count) {
    return new ClusterSpec(name, type, count, kafkaVersion, config, balancing);
  }

  /** This spec with a different Apache Kafka version. */
  public ClusterSpec withKafkaVersion(String version) {
    return new ClusterSpec(name, type, brokers, version, config, balancing);
  }

  /** This spec with different balancing. */
  public ClusterSpec withBalancing(BalancingSpec next) {
    return new ClusterSpec(name, type, brokers, kafkaVersion, config, next);
  }
}
