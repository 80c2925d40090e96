package io.stratus.balancer.executor;

import java.util.Set;

/**
 * The brokers and topics that carry a replication throttle configuration. Pure value; thread-safe.
 *
 * @param brokers brokers with {@link ThrottleConfigs#BROKER_KEYS} set dynamically
 * @param topics topics with {@link ThrottleConfigs#TOPIC_KEYS} set
 */
record ThrottledResources(Set<Integer> brokers, Set<String> topics) {

  ThrottledResources {
    brokers = Set.copyOf(brokers);
    topics = Set.copyOf(topics);
  }

  boolean isEmpty() {
    return brokers.isEmpty() && topics.isEmpty();
  }
}
