package io.stratus.api;

import java.util.List;
import java.util.Objects;

/**
 * One partition's replicas before and after a move. The first broker of each list is the
 * (preferred) leader.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param from the replica list before the move, in Kafka's order
 * @param to the replica list after the move
 */
public record PartitionReassignment(
    String topic, int partition, List<Integer> from, List<Integer> to) {

  public PartitionReassignment {
    Objects.requireNonNull(topic, "topic");
    from = from == null ? List.of() : List.copyOf(from);
    to = to == null ? List.of() : List.copyOf(to);
  }
}
