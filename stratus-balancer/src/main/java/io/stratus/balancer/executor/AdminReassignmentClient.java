package io.stratus.balancer.executor;

import io.stratus.balancer.BalancerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.AlterPartitionReassignmentsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ElectLeadersOptions;
import org.apache.kafka.clients.admin.ListPartitionReassignmentsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@link ReassignmentClient} on Kafka's Admin API. Every call is bounded by the call timeout, both
 * in the request's own timeout and in the wait for its answer. Per-partition refusals are returned;
 * a call that fails as a whole, or times out, throws {@link BalancerException}. Keeps no state of
 * its own; used from one executor's thread.
 */
final class AdminReassignmentClient implements ReassignmentClient {

  private final Admin admin;
  private final Duration timeout;

  AdminReassignmentClient(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  public Map<TopicPartition, OngoingReassignment> ongoing() {
    Map<TopicPartition, OngoingReassignment> ongoing = new LinkedHashMap<>();
    await(
            admin
                .listPartitionReassignments(
                    new ListPartitionReassignmentsOptions().timeoutMs(timeoutMs()))
                .reassignments(),
            "list partition reassignments")
        .forEach(
            (partition, reassignment) ->
                ongoing.put(
                    partition,
                    new OngoingReassignment(
                        reassignment.replicas(),
                        reassignment.addingReplicas(),
                        reassignment.removingReplicas())));
    return ongoing;
  }

  @Override
  public Map<TopicPartition, List<Integer>> replicas(Set<String> topics) {
    Map<TopicPartition, List<Integer>> replicas = new HashMap<>();
    if (topics.isEmpty()) {
      return replicas;
    }
    Map<String, KafkaFuture<TopicDescription>> descriptions =
        admin
            .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs()))
            .topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : descriptions.entrySet()) {
      Optional<TopicDescription> description =
          awaitUnlessUnknown(entry.getValue(), "describe topic " + entry.getKey());
      description.ifPresent(
          topic -> {
            for (TopicPartitionInfo partition : topic.partitions()) {
              replicas.put(
                  new TopicPartition(topic.name(), partition.partition()),
                  partition.replicas().stream().map(Node::id).toList());
            }
          });
    }
    return replicas;
  }

  @Override
  public Set<Integer> liveBrokers() {
    return await(
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs())).nodes(),
            "describe the cluster")
        .stream()
        .map(Node::id)
        .collect(Collectors.toSet());
  }

  @Override
  public Map<TopicPartition, Throwable> reassign(Map<TopicPartition, List<Integer>> targets) {
    Map<TopicPartition, Optional<NewPartitionReassignment>> request = new LinkedHashMap<>();
    targets.forEach(
        (partition, replicas) ->
            request.put(partition, Optional.of(new NewPartitionReassignment(replicas))));
    return alterReassignments(request, "start reassignments");
  }

  @Override
  public Map<TopicPartition, Throwable> cancel(Set<TopicPartition> partitions) {
    Map<TopicPartition, Optional<NewPartitionReassignment>> request = new LinkedHashMap<>();
    partitions.forEach(partition -> request.put(partition, Optional.empty()));
    return alterReassignments(request, "cancel reassignments");
  }

  @Override
  public Map<TopicPartition, Throwable> electPreferredLeaders(Set<TopicPartition> partitions) {
    Map<TopicPartition, Optional<Throwable>> results =
        await(
            admin
                .electLeaders(
                    ElectionType.PREFERRED,
                    partitions,
                    new ElectLeadersOptions().timeoutMs(timeoutMs()))
                .partitions(),
            "elect preferred leaders");
    Map<TopicPartition, Throwable> failed = new HashMap<>();
    results.forEach((partition, error) -> error.ifPresent(e -> failed.put(partition, e)));
    return failed;
  }

  @Override
  public void throttleBrokers(Set<Integer> brokers, long bytesPerSecond) {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (int broker : brokers) {
      changes.put(
          brokerResource(broker),
          ThrottleConfigs.BROKER_KEYS.stream()
              .map(key -> set(key, Long.toString(bytesPerSecond)))
              .toList());
    }
    alterConfigs(changes, "set the replication throttle of brokers " + brokers, false);
  }

  @Override
  public void unthrottleBrokers(Set<Integer> brokers) {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (int broker : brokers) {
      changes.put(brokerResource(broker), deletions(ThrottleConfigs.BROKER_KEYS));
    }
    alterConfigs(changes, "remove the replication throttle of brokers " + brokers, false);
  }

  @Override
  public void throttleTopics(Map<String, TopicThrottle> throttles) {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    throttles.forEach(
        (topic, throttle) ->
            changes.put(
                topicResource(topic),
                List.of(
                    set(ThrottleConfigs.LEADER_REPLICAS, throttle.leaderValue()),
                    set(ThrottleConfigs.FOLLOWER_REPLICAS, throttle.followerValue()))));
    alterConfigs(changes, "throttle the moving replicas of " + throttles.keySet(), false);
  }

  @Override
  public void unthrottleTopics(Set<String> topics) {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String topic : topics) {
      changes.put(topicResource(topic), deletions(ThrottleConfigs.TOPIC_KEYS));
    }
    alterConfigs(changes, "remove the throttled replicas of " + topics, true);
  }

  @Override
  public ThrottledResources throttled() {
    List<ConfigResource> resources = new ArrayList<>();
    liveBrokers().forEach(broker -> resources.add(brokerResource(broker)));
    await(
            admin
                .listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(timeoutMs()))
                .names(),
            "list topics")
        .forEach(topic -> resources.add(topicResource(topic)));
    Map<ConfigResource, KafkaFuture<Config>> configs =
        admin
            .describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(timeoutMs()))
            .values();
    Set<Integer> brokers = new HashSet<>();
    Set<String> topics = new HashSet<>();
    for (Map.Entry<ConfigResource, KafkaFuture<Config>> entry : configs.entrySet()) {
      ConfigResource resource = entry.getKey();
      Optional<Config> config =
          awaitUnlessUnknown(entry.getValue(), "describe the configuration of " + resource);
      if (config.isEmpty()) {
        continue;
      }
      if (resource.type() == ConfigResource.Type.BROKER) {
        if (setDynamically(config.get(), ThrottleConfigs.BROKER_KEYS)) {
          brokers.add(Integer.parseInt(resource.name()));
        }
      } else if (setDynamically(config.get(), ThrottleConfigs.TOPIC_KEYS)) {
        topics.add(resource.name());
      }
    }
    return new ThrottledResources(brokers, topics);
  }

  private static boolean setDynamically(Config config, List<String> keys) {
    for (String key : keys) {
      ConfigEntry entry = config.get(key);
      if (entry != null
          && (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG
              || entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
          && entry.value() != null
          && !entry.value().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Map<TopicPartition, Throwable> alterReassignments(
      Map<TopicPartition, Optional<NewPartitionReassignment>> request, String what) {
    Map<TopicPartition, KafkaFuture<Void>> results =
        admin
            .alterPartitionReassignments(
                request, new AlterPartitionReassignmentsOptions().timeoutMs(timeoutMs()))
            .values();
    awaitQuietly(KafkaFuture.allOf(results.values().toArray(KafkaFuture[]::new)), what);
    Map<TopicPartition, Throwable> refused = new HashMap<>();
    for (Map.Entry<TopicPartition, KafkaFuture<Void>> entry : results.entrySet()) {
      Optional<Throwable> error = errorOf(entry.getValue());
      if (error.isPresent()) {
        if (error.get() instanceof TimeoutException) {
          // No answer is not a refusal: whether the controller applied it is unknown.
          throw new BalancerException(
              "could not " + what + ": no answer within " + timeout.toMillis() + " ms",
              error.get());
        }
        refused.put(entry.getKey(), error.get());
      }
    }
    return refused;
  }

  private void alterConfigs(
      Map<ConfigResource, Collection<AlterConfigOp>> changes, String what, boolean ignoreUnknown) {
    if (changes.isEmpty()) {
      return;
    }
    Map<ConfigResource, KafkaFuture<Void>> results =
        admin
            .incrementalAlterConfigs(changes, new AlterConfigsOptions().timeoutMs(timeoutMs()))
            .values();
    for (Map.Entry<ConfigResource, KafkaFuture<Void>> entry : results.entrySet()) {
      if (ignoreUnknown) {
        awaitUnlessUnknown(entry.getValue(), what + " (" + entry.getKey().name() + ")");
      } else {
        await(entry.getValue(), what + " (" + entry.getKey().name() + ")");
      }
    }
  }

  private static ConfigResource brokerResource(int broker) {
    return new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker));
  }

  private static ConfigResource topicResource(String topic) {
    return new ConfigResource(ConfigResource.Type.TOPIC, topic);
  }

  private static AlterConfigOp set(String key, String value) {
    return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
  }

  private static List<AlterConfigOp> deletions(List<String> keys) {
    return keys.stream()
        .map(key -> new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE))
        .toList();
  }

  private int timeoutMs() {
    return (int) timeout.toMillis();
  }

  /**
   * The value, or empty if Kafka says the topic or partition does not exist (or, for a {@code Void}
   * result, always empty).
   */
  private <T> Optional<T> awaitUnlessUnknown(KafkaFuture<T> future, String what) {
    try {
      return Optional.ofNullable(await(future, what));
    } catch (BalancerException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private <T> T await(KafkaFuture<T> future, String what) {
    try {
      // A little longer than the request's own timeout, so that Kafka's error wins when it has one.
      return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BalancerException("interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      throw new BalancerException(
          "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new BalancerException(
          "could not " + what + ": no answer within " + timeout.toMillis() + " ms", e);
    }
  }

  /** Waits for {@code future} to complete, successfully or not; failures are read per partition. */
  private void awaitQuietly(KafkaFuture<?> future, String what) {
    try {
      future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Read per partition by the caller.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BalancerException("interrupted while trying to " + what, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new BalancerException(
          "could not " + what + ": no answer within " + timeout.toMillis() + " ms", e);
    }
  }

  private static Optional<Throwable> errorOf(KafkaFuture<?> future) {
    try {
      future.getNow(null);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(e);
    }
  }
}
