package io.stratus.balancer.monitor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * What the Admin API says about a cluster at one moment, as plain values.
 *
 * @param brokers the registered brokers, fenced ones included
 * @param partitions every partition of every topic, internal ones included
 * @param replicaSizes per broker that answered, the local size of each replica it hosts (future
 *     replicas of an intra-broker move left out)
 */
record ClusterObservation(
    List<ObservedBroker> brokers,
    List<ObservedPartition> partitions,
    Map<Integer, Map<TopicPartition, Long>> replicaSizes) {

  ClusterObservation {
    brokers = List.copyOf(brokers);
    partitions = List.copyOf(partitions);
    replicaSizes = Map.copyOf(replicaSizes);
  }

  /**
   * A registered broker.
   *
   * @param id its id
   * @param rack its {@code broker.rack}, if set
   * @param fenced whether the controller has fenced it (it is not heartbeating)
   */
  record ObservedBroker(int id, Optional<String> rack, boolean fenced) {

    ObservedBroker {
      Objects.requireNonNull(rack, "rack");
    }
  }

  /**
   * A partition's placement.
   *
   * @param topic the topic
   * @param partition the partition number
   * @param replicas the replica list in Kafka's order
   * @param leader the leader's id, or -1 when it has none
   */
  record ObservedPartition(String topic, int partition, List<Integer> replicas, int leader) {

    ObservedPartition {
      Objects.requireNonNull(topic, "topic");
      replicas = List.copyOf(replicas);
    }

    TopicPartition topicPartition() {
      return new TopicPartition(topic, partition);
    }
  }
}
