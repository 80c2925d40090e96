package io.stratus.balancer.executor;

import java.util.List;

/**
 * The dynamic configurations that throttle replication, as {@code kafka-reassign-partitions
 * --throttle} sets them. Kafka defines these names in {@code org.apache.kafka.server.config
 * .QuotaConfig}, which lives in {@code kafka-server-common}, not in {@code kafka-clients}; they are
 * repeated here rather than pulling the broker's jars into the agent.
 */
final class ThrottleConfigs {

  /** Broker: bytes per second a leader may send to throttled followers. */
  static final String LEADER_RATE = "leader.replication.throttled.rate";

  /** Broker: bytes per second a follower may fetch for throttled replicas. */
  static final String FOLLOWER_RATE = "follower.replication.throttled.rate";

  /**
   * Topic: {@code partition:broker} pairs whose leader side is throttled (the current replicas).
   */
  static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";

  /**
   * Topic: {@code partition:broker} pairs whose follower side is throttled (the added replicas).
   */
  static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

  static final List<String> BROKER_KEYS = List.of(LEADER_RATE, FOLLOWER_RATE);

  static final List<String> TOPIC_KEYS = List.of(LEADER_REPLICAS, FOLLOWER_REPLICAS);

  private ThrottleConfigs() {}
}
