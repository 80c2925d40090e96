package io.stratus.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param restartRequestedAt when the user last asked for a rolling restart; each new value rolls
 *     every node once, as a changed {@code restartedAt} annotation rolls a Kubernetes deployment
 */
public record ClusterSpec(
    String name,
    ClusterType type,
    int brokers,
    String kafkaVersion,
    Map<String, String> config,
    BalancingSpec balancing,
    Optional<Instant> restartRequestedAt) {

  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
    config = config == null ? Map.of() : Map.copyOf(config);
    balancing = balancing == null ? BalancingSpec.DEFAULT : balancing;
    restartRequestedAt = restartRequestedAt == null ? Optional.empty() : restartRequestedAt;
  }

  /** A spec that never asked for a restart. */
  public ClusterSpec(
      String name,
      ClusterType type,
      int brokers,
      String kafkaVersion,
      Map<String, String> config,
      BalancingSpec balancing) {
    this(name, type, brokers, kafkaVersion, config, balancing, Optional.empty());
  }

  /** A spec with the default balancing. */
  public ClusterSpec(
      String name, ClusterType type, int brokers, String kafkaVersion, Map<String, String> config) {
    this(name, type, brokers, kafkaVersion, config, BalancingSpec.DEFAULT);
  }

  /** This spec with a different broker count. */
  public ClusterSpec withBrokers(int count) {
    return new ClusterSpec(name, type, count, kafkaVersion, config, balancing, restartRequestedAt);
  }

  /** This spec with a different Apache Kafka version. */
  public ClusterSpec withKafkaVersion(String version) {
    return new ClusterSpec(name, type, brokers, version, config, balancing, restartRequestedAt);
  }

  /** This spec with different balancing. */
  public ClusterSpec withBalancing(BalancingSpec next) {
    return new ClusterSpec(name, type, brokers, kafkaVersion, config, next, restartRequestedAt);
  }

  /** This spec with different broker configuration overrides. */
  public ClusterSpec withConfig(Map<String, String> next) {
    return new ClusterSpec(name, type, brokers, kafkaVersion, next, balancing, restartRequestedAt);
  }

  /** This spec asking for a rolling restart at {@code at}. */
  public ClusterSpec withRestartRequestedAt(Instant at) {
    return new ClusterSpec(name, type, brokers, kafkaVersion, config, balancing, Optional.of(at));
  }
}
