package io.stratus.balancer.executor;

import java.util.List;
import java.util.Objects;

/**
 * One partition being reassigned.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param from the replica list before the move
 * @param to the replica list being created; its first entry is the planned leader
 */
public record InFlightMove(String topic, int partition, List<Integer> from, List<Integer> to) {

  public InFlightMove {
    Objects.requireNonNull(topic, "topic");
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + " " + from + " -> " + to;
  }
}
