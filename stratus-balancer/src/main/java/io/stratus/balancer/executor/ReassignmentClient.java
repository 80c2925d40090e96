package io.stratus.balancer.executor;

import io.stratus.balancer.BalancerException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The few cluster operations the {@link PlanExecutor} needs, so that its decisions can be tested
 * without brokers. Every method returns within the executor's call timeout and throws {@link
 * BalancerException} when the cluster does not answer or refuses the call as a whole; per-partition
 * refusals are returned, as Kafka reports them.
 */
interface ReassignmentClient {

  /** The reassignments the cluster is carrying out. */
  Map<TopicPartition, OngoingReassignment> ongoing();

  /**
   * The replica lists of every partition of {@code topics}, in Kafka's order; partitions of topics
   * that do not exist are absent.
   */
  Map<TopicPartition, List<Integer>> replicas(Set<String> topics);

  /** The brokers that are registered and unfenced, and so can take configuration changes. */
  Set<Integer> liveBrokers();

  /**
   * Starts moving each partition to its target replica list.
   *
   * @return the partitions Kafka refused, with its reason; empty when all were accepted
   */
  Map<TopicPartition, Throwable> reassign(Map<TopicPartition, List<Integer>> targets);

  /**
   * Cancels reassignments; Kafka reverts each partition to the replicas it had before.
   *
   * @return the partitions Kafka refused, with its reason (e.g. no reassignment in progress)
   */
  Map<TopicPartition, Throwable> cancel(Set<TopicPartition> partitions);

  /**
   * Makes each partition's preferred replica (the first of its list) its leader.
   *
   * @return the partitions not elected, with Kafka's reason (including "election not needed")
   */
  Map<TopicPartition, Throwable> electPreferredLeaders(Set<TopicPartition> partitions);

  /** Sets the leader and follower replication rate of each broker. Idempotent. */
  void throttleBrokers(Set<Integer> brokers, long bytesPerSecond);

  /** Removes the replication rates from each broker. Idempotent. */
  void unthrottleBrokers(Set<Integer> brokers);

  /** Replaces each topic's throttled replicas with the given ones. Idempotent. */
  void throttleTopics(Map<String, TopicThrottle> throttles);

  /** Removes the throttled replicas from each topic; topics that no longer exist are ignored. */
  void unthrottleTopics(Set<String> topics);

  /** Every live broker and every topic (internal ones included) that carries a throttle. */
  ThrottledResources throttled();
}
