package io.stratus.balancer.executor;

import io.stratus.balancer.plan.PartitionMove;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The throttled replicas of one topic while some of its partitions move: on the leader side the
 * replicas the partition has now (any of them may lead and send), on the follower side the replicas
 * being added. Values are {@code partition:broker} pairs, as Kafka's topic configurations take
 * them. Pure value; thread-safe.
 *
 * @param topic the topic
 * @param leaderReplicas pairs for {@link ThrottleConfigs#LEADER_REPLICAS}, kept sorted
 * @param followerReplicas pairs for {@link ThrottleConfigs#FOLLOWER_REPLICAS}, kept sorted
 */
record TopicThrottle(String topic, Set<String> leaderReplicas, Set<String> followerReplicas) {

  TopicThrottle {
    Objects.requireNonNull(topic, "topic");
    leaderReplicas = Collections.unmodifiableSortedSet(new TreeSet<>(leaderReplicas));
    followerReplicas = Collections.unmodifiableSortedSet(new TreeSet<>(followerReplicas));
  }

  /** The throttles that cover {@code moves}, per topic; moves that copy no data add nothing. */
  static Map<String, TopicThrottle> of(Collection<PartitionMove> moves) {
    Map<String, SortedSet<String>> leaders = new TreeMap<>();
    Map<String, SortedSet<String>> followers = new TreeMap<>();
    for (PartitionMove move : moves) {
      if (!move.movesReplicas()) {
        continue;
      }
      SortedSet<String> leaderPairs = leaders.computeIfAbsent(move.topic(), t -> new TreeSet<>());
      move.oldReplicas().forEach(broker -> leaderPairs.add(move.partition() + ":" + broker));
      SortedSet<String> followerPairs =
          followers.computeIfAbsent(move.topic(), t -> new TreeSet<>());
      move.addedBrokers().forEach(broker -> followerPairs.add(move.partition() + ":" + broker));
    }
    Map<String, TopicThrottle> throttles = new TreeMap<>();
    leaders.forEach(
        (topic, pairs) ->
            throttles.put(topic, new TopicThrottle(topic, pairs, followers.get(topic))));
    return throttles;
  }

  /** The value of {@link ThrottleConfigs#LEADER_REPLICAS}. */
  String leaderValue() {
    return String.join(",", leaderReplicas);
  }

  /** The value of {@link ThrottleConfigs#FOLLOWER_REPLICAS}. */
  String followerValue() {
    return String.join(",", followerReplicas);
  }
}
