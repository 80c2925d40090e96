package io.stratus.balancer.executor;

import io.stratus.balancer.BalancerException;
import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets and removes the replication throttle of an execution, as {@code kafka-reassign-partitions
 * --throttle} does: a leader and follower rate on every broker of a moving partition, and per topic
 * the replicas that rate applies to. Remembers in the {@link Execution} what it set, so that
 * exactly that is removed at the end. Not thread-safe: used by one {@link PlanExecutor}.
 */
final class ReplicationThrottler {

  private static final Logger log = LoggerFactory.getLogger(ReplicationThrottler.class);

  private final ReassignmentClient client;
  private final ExecutorSettings settings;

  ReplicationThrottler(ReassignmentClient client, ExecutorSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /**
   * Throttles the moves about to start that copy data, before they start; the topic throttles cover
   * them together with the moves of the same topics already in flight.
   */
  void cover(Execution execution, Collection<PartitionMove> starting) {
    List<PartitionMove> copies = starting.stream().filter(PartitionMove::movesReplicas).toList();
    if (!settings.throttled() || copies.isEmpty()) {
      return;
    }
    Set<Integer> brokers = new HashSet<>();
    copies.forEach(
        move -> {
          brokers.addAll(move.oldReplicas());
          brokers.addAll(move.newReplicas());
        });
    brokers.removeAll(execution.throttledBrokers());
    if (!brokers.isEmpty()) {
      // A broker that is down cannot take a configuration change; it is not replicating anyway.
      brokers.retainAll(client.liveBrokers());
    }
    if (!brokers.isEmpty()) {
      client.throttleBrokers(brokers, settings.throttleBytesPerSecond());
      brokers.forEach(execution::throttledBroker);
    }
    Map<String, TopicThrottle> throttles = new LinkedHashMap<>();
    for (String topic : copies.stream().map(PartitionMove::topic).collect(Collectors.toSet())) {
      List<PartitionMove> covered = new ArrayList<>(execution.inFlightCopies(topic));
      copies.stream().filter(move -> move.topic().equals(topic)).forEach(covered::add);
      throttles.putAll(TopicThrottle.of(covered));
    }
    client.throttleTopics(throttles);
    throttles.keySet().forEach(topic -> execution.throttledTopic(topic, true));
  }

  /**
   * Narrows the throttled replicas of {@code topics} to the moves still in flight, if it can. A
   * failure is recorded, not thrown: throttled replicas that are in sync are not slowed, so a wider
   * throttle is harmless until the execution ends and removes it, and moves need not wait for it.
   */
  void narrow(Execution execution, Set<String> topics) {
    Map<String, TopicThrottle> narrowed = new LinkedHashMap<>();
    Set<String> cleared = new LinkedHashSet<>();
    for (String topic : topics) {
      if (!execution.throttledTopics().contains(topic)) {
        continue;
      }
      List<PartitionMove> copies = execution.inFlightCopies(topic);
      if (copies.isEmpty()) {
        cleared.add(topic);
      } else {
        narrowed.putAll(TopicThrottle.of(copies));
      }
    }
    try {
      if (!narrowed.isEmpty()) {
        client.throttleTopics(narrowed);
      }
      if (!cleared.isEmpty()) {
        client.unthrottleTopics(cleared);
        cleared.forEach(topic -> execution.throttledTopic(topic, false));
      }
    } catch (BalancerException e) {
      execution.recordError(e.getMessage());
      log.warn(
          "[plan={}] {}; the throttle goes when the plan ends", execution.planId(), e.getMessage());
    }
  }

  /**
   * Removes what the execution set; for an adopted execution, which cannot know what its
   * predecessor set, every throttle on live brokers and on topics.
   *
   * @throws BalancerException if the cluster does not answer; nothing is forgotten, call again
   */
  void removeAll(Execution execution) {
    if (execution.adopted()) {
      removeLeftovers();
      return;
    }
    client.unthrottleTopics(execution.throttledTopics());
    Set<Integer> brokers = new HashSet<>(execution.throttledBrokers());
    if (brokers.isEmpty()) {
      return;
    }
    Set<Integer> live = client.liveBrokers();
    Set<Integer> down = new HashSet<>(brokers);
    down.removeAll(live);
    brokers.retainAll(live);
    client.unthrottleBrokers(brokers);
    if (!down.isEmpty()) {
      log.warn(
          "[plan={}] brokers {} are down and keep their replication rate until a recover finds them up;"
              + " no replica of theirs is throttled any more",
          execution.planId(),
          down);
    }
  }

  /**
   * Removes every replication throttle on live brokers and on topics, whoever set it.
   *
   * @throws BalancerException if the cluster does not answer
   */
  void removeLeftovers() {
    ThrottledResources left = client.throttled();
    if (left.isEmpty()) {
      return;
    }
    client.unthrottleTopics(left.topics());
    client.unthrottleBrokers(left.brokers());
    log.info(
        "removed replication throttles: brokers={} topics={}",
        left.brokers(),
        left.topics().size() <= 10 ? left.topics() : left.topics().size() + " topics");
  }
}
