package io.stratus.controlplane;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How to run a control plane.
 *
 * @param kafkaClientConfig {@code bootstrap.servers} and security settings (SASL) of the Kafka that
 *     holds the state topics
 * @param bindHost the address the REST API listens on
 * @param apiPort the port the REST API listens on; 0 picks a free one
 * @param stateTopicReplicationFactor the replication factor of state topics the control plane
 *     creates (1 on a one-node Kafka)
 * @param kafkaVersions the Apache Kafka versions clusters may ask for
 * @param defaultKafkaVersion the version of clusters that ask for none; one of {@code
 *     kafkaVersions}
 * @param transactionalId the {@code transactional.id} shared by all instances of this control
 *     plane, so that a new instance fences the old one
 * @param clock the time of events
 * @param random draws cluster ids (secrets always come from a {@link SecureRandom})
 */
public record ControlPlaneSettings(
    Map<String, Object> kafkaClientConfig,
    String bindHost,
    int apiPort,
    short stateTopicReplicationFactor,
    Set<String> kafkaVersions,
    String defaultKafkaVersion,
    String transactionalId,
    Clock clock,
    RandomGenerator random) {

  /** The REST API's default address. */
  public static final String DEFAULT_BIND_HOST = "127.0.0.1";

  /** The REST API's default port. */
  public static final int DEFAULT_API_PORT = 7070;

  /** The default {@code transactional.id}. */
  public static final String DEFAULT_TRANSACTIONAL_ID = "stratus-control-plane";

  /** The Apache Kafka version clusters run by default. */
  public static final String DEFAULT_KAFKA_VERSION = "4.4.0";

  public ControlPlaneSettings {
    kafkaClientConfig = Map.copyOf(Objects.requireNonNull(kafkaClientConfig, "kafkaClientConfig"));
    Objects.requireNonNull(bindHost, "bindHost");
    if (apiPort < 0 || apiPort > 65_535) {
      throw new IllegalArgumentException("apiPort must be from 0 to 65535, was " + apiPort);
    }
    if (stateTopicReplicationFactor < 1) {
      throw new IllegalArgumentException(
          "stateTopicReplicationFactor must be at least 1, was " + stateTopicReplicationFactor);
    }
    kafkaVersions = Set.copyOf(Objects.requireNonNull(kafkaVersions, "kafkaVersions"));
    Objects.requireNonNull(defaultKafkaVersion, "defaultKafkaVersion");
    if (!kafkaVersions.contains(defaultKafkaVersion)) {
      throw new IllegalArgumentException(
          "defaultKafkaVersion " + defaultKafkaVersion + " is not among " + kafkaVersions);
    }
    Objects.requireNonNull(transactionalId, "transactionalId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
  }

  /**
   * The defaults for a control plane on this Kafka: the API on 127.0.0.1:7070, replication factor
   * 1, Kafka {@value #DEFAULT_KAFKA_VERSION} only, the system clock.
   */
  public static ControlPlaneSettings defaults(Map<String, Object> kafkaClientConfig) {
    return new ControlPlaneSettings(
        kafkaClientConfig,
        DEFAULT_BIND_HOST,
        DEFAULT_API_PORT,
        (short) 1,
        Set.of(DEFAULT_KAFKA_VERSION),
        DEFAULT_KAFKA_VERSION,
        DEFAULT_TRANSACTIONAL_ID,
        Clock.systemUTC(),
        new SecureRandom());
  }
}
