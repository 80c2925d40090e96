package io.stratus.balancer.executor;

import io.stratus.balancer.BalancerException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A cluster in memory behind {@link ReassignmentClient}, for the executor's unit tests: it keeps
 * replica lists, leaders, reassignments that complete when the test says so, and throttle
 * configurations, and it records the most moves it ever had in flight per broker and in total.
 */
final class FakeCluster implements ReassignmentClient {

  final Map<TopicPartition, List<Integer>> replicas = new TreeMap<>(FakeCluster::compare);
  final Map<TopicPartition, Integer> leaders = new HashMap<>();
  final Map<TopicPartition, List<Integer>> targets = new LinkedHashMap<>();
  final Map<TopicPartition, List<Integer>> origins = new HashMap<>();
  final Set<Integer> live = new TreeSet<>();
  final Map<Integer, Long> brokerRates = new TreeMap<>();
  final Map<String, TopicThrottle> topicThrottles = new TreeMap<>();
  final Map<TopicPartition, Deque<RuntimeException>> reassignRefusals = new HashMap<>();
  final Map<TopicPartition, Deque<RuntimeException>> electionRefusals = new HashMap<>();
  final List<Map<TopicPartition, List<Integer>>> reassignCalls = new ArrayList<>();
  final List<Set<TopicPartition>> cancelCalls = new ArrayList<>();
  boolean unreachable;
  boolean configChangesFail;
  boolean loseNextReassignAnswer;
  int throttleCalls;
  int maxInFlightInCluster;
  final Map<Integer, Integer> maxInFlightPerBroker = new TreeMap<>();

  FakeCluster(int brokers) {
    for (int broker = 0; broker < brokers; broker++) {
      live.add(broker);
    }
  }

  /** Adds a topic whose partition {@code i} has {@code assignment.get(i)}, led by the first. */
  @SafeVarargs
  final FakeCluster topic(String topic, List<Integer>... assignment) {
    for (int partition = 0; partition < assignment.length; partition++) {
      TopicPartition tp = new TopicPartition(topic, partition);
      replicas.put(tp, List.copyOf(assignment[partition]));
      leaders.put(tp, assignment[partition].get(0));
    }
    return this;
  }

  void deleteTopic(String topic) {
    replicas.keySet().removeIf(tp -> tp.topic().equals(topic));
    targets.keySet().removeIf(tp -> tp.topic().equals(topic));
    topicThrottles.remove(topic);
  }

  /** Completes every reassignment under way. */
  void completeAll() {
    for (TopicPartition tp : List.copyOf(targets.keySet())) {
      complete(tp);
    }
  }

  /**
   * Completes one reassignment: the partition gets its target list; a removed leader is replaced.
   */
  void complete(TopicPartition tp) {
    List<Integer> target = targets.remove(tp);
    origins.remove(tp);
    replicas.put(tp, target);
    if (!target.contains(leaders.get(tp))) {
      leaders.put(tp, target.get(0));
    }
  }

  /** Starts a reassignment as another tool (or an earlier agent) would. */
  void startReassignment(TopicPartition tp, List<Integer> target) {
    origins.put(tp, replicas.get(tp));
    targets.put(tp, List.copyOf(target));
    observeInFlight();
  }

  void refuseReassignment(TopicPartition tp, RuntimeException reason, int times) {
    Deque<RuntimeException> queue = reassignRefusals.computeIfAbsent(tp, p -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(reason);
    }
  }

  void refuseElection(TopicPartition tp, RuntimeException reason, int times) {
    Deque<RuntimeException> queue = electionRefusals.computeIfAbsent(tp, p -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(reason);
    }
  }

  /** Whether any replication throttle configuration is set. */
  boolean anyThrottle() {
    return !brokerRates.isEmpty() || !topicThrottles.isEmpty();
  }

  @Override
  public Map<TopicPartition, OngoingReassignment> ongoing() {
    reachable();
    Map<TopicPartition, OngoingReassignment> ongoing = new LinkedHashMap<>();
    targets.forEach(
        (tp, target) -> {
          List<Integer> origin = origins.get(tp);
          List<Integer> all = new ArrayList<>(target);
          origin.stream().filter(b -> !target.contains(b)).forEach(all::add);
          ongoing.put(
              tp,
              new OngoingReassignment(
                  all,
                  target.stream().filter(b -> !origin.contains(b)).toList(),
                  origin.stream().filter(b -> !target.contains(b)).toList()));
        });
    return ongoing;
  }

  @Override
  public Map<TopicPartition, List<Integer>> replicas(Set<String> topics) {
    reachable();
    Map<TopicPartition, List<Integer>> result = new HashMap<>();
    replicas.forEach(
        (tp, list) -> {
          if (topics.contains(tp.topic())) {
            List<Integer> shown = new ArrayList<>(list);
            List<Integer> target = targets.get(tp);
            if (target != null) {
              // Kafka lists the target replicas first while a reassignment runs.
              shown = new ArrayList<>(target);
              for (int broker : list) {
                if (!shown.contains(broker)) {
                  shown.add(broker);
                }
              }
            }
            result.put(tp, List.copyOf(shown));
          }
        });
    return result;
  }

  @Override
  public Set<Integer> liveBrokers() {
    reachable();
    return Set.copyOf(live);
  }

  @Override
  public Map<TopicPartition, Throwable> reassign(Map<TopicPartition, List<Integer>> request) {
    reachable();
    reassignCalls.add(Map.copyOf(request));
    Map<TopicPartition, Throwable> refused = new HashMap<>();
    request.forEach(
        (tp, target) -> {
          Deque<RuntimeException> refusals = reassignRefusals.get(tp);
          if (!replicas.containsKey(tp)) {
            refused.put(tp, new UnknownTopicOrPartitionException(tp + " does not exist"));
          } else if (refusals != null && !refusals.isEmpty()) {
            refused.put(tp, refusals.poll());
          } else if (new HashSet<>(target).equals(new HashSet<>(replicas.get(tp)))) {
            replicas.put(tp, List.copyOf(target));
          } else {
            startReassignment(tp, target);
          }
        });
    if (loseNextReassignAnswer) {
      loseNextReassignAnswer = false;
      throw new BalancerException("could not start reassignments: no answer within 5000 ms");
    }
    return refused;
  }

  @Override
  public Map<TopicPartition, Throwable> cancel(Set<TopicPartition> partitions) {
    reachable();
    cancelCalls.add(Set.copyOf(partitions));
    Map<TopicPartition, Throwable> refused = new HashMap<>();
    for (TopicPartition tp : partitions) {
      if (targets.remove(tp) == null) {
        refused.put(tp, new NoReassignmentInProgressException("no reassignment of " + tp));
      } else {
        origins.remove(tp);
      }
    }
    return refused;
  }

  @Override
  public Map<TopicPartition, Throwable> electPreferredLeaders(Set<TopicPartition> partitions) {
    reachable();
    Map<TopicPartition, Throwable> notElected = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Deque<RuntimeException> refusals = electionRefusals.get(tp);
      if (!replicas.containsKey(tp)) {
        notElected.put(tp, new UnknownTopicOrPartitionException(tp + " does not exist"));
      } else if (refusals != null && !refusals.isEmpty()) {
        notElected.put(tp, refusals.poll());
      } else if (leaders.get(tp).equals(replicas.get(tp).get(0))) {
        notElected.put(tp, new ElectionNotNeededException("leader is preferred"));
      } else {
        leaders.put(tp, replicas.get(tp).get(0));
      }
    }
    return notElected;
  }

  @Override
  public void throttleBrokers(Set<Integer> brokers, long bytesPerSecond) {
    configChange();
    throttleCalls++;
    brokers.forEach(broker -> brokerRates.put(broker, bytesPerSecond));
  }

  @Override
  public void unthrottleBrokers(Set<Integer> brokers) {
    configChange();
    brokers.forEach(brokerRates::remove);
  }

  @Override
  public void throttleTopics(Map<String, TopicThrottle> throttles) {
    configChange();
    throttleCalls++;
    topicThrottles.putAll(throttles);
  }

  @Override
  public void unthrottleTopics(Set<String> topics) {
    configChange();
    topics.forEach(topicThrottles::remove);
  }

  @Override
  public ThrottledResources throttled() {
    reachable();
    Set<Integer> brokers = new HashSet<>(brokerRates.keySet());
    brokers.retainAll(live);
    return new ThrottledResources(brokers, topicThrottles.keySet());
  }

  private void observeInFlight() {
    Map<Integer, Integer> perBroker = new HashMap<>();
    int copies = 0;
    for (Map.Entry<TopicPartition, List<Integer>> entry : targets.entrySet()) {
      List<Integer> origin = origins.get(entry.getKey());
      List<Integer> target = entry.getValue();
      Set<Integer> touched = new HashSet<>();
      target.stream().filter(b -> !origin.contains(b)).forEach(touched::add);
      origin.stream().filter(b -> !target.contains(b)).forEach(touched::add);
      if (!touched.isEmpty()) {
        copies++;
      }
      touched.forEach(broker -> perBroker.merge(broker, 1, Integer::sum));
    }
    maxInFlightInCluster = Math.max(maxInFlightInCluster, copies);
    perBroker.forEach((broker, count) -> maxInFlightPerBroker.merge(broker, count, Math::max));
  }

  private void reachable() {
    if (unreachable) {
      throw new BalancerException("could not reach the cluster: no answer within 5000 ms");
    }
  }

  private void configChange() {
    reachable();
    if (configChangesFail) {
      throw new BalancerException("could not change configurations: no answer within 5000 ms");
    }
  }

  private static int compare(TopicPartition a, TopicPartition b) {
    int byTopic = a.topic().compareTo(b.topic());
    return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
  }
}
