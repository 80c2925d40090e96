package io.stratus.balancer.executor;

import java.util.List;

/**
 * A reassignment the cluster is carrying out, as {@code listPartitionReassignments} reports it.
 * Pure value; thread-safe.
 *
 * @param replicas every replica the partition has meanwhile: the target ones first, in order, then
 *     the ones being removed
 * @param adding replicas being created
 * @param removing replicas that go once the new ones have caught up
 */
record OngoingReassignment(List<Integer> replicas, List<Integer> adding, List<Integer> removing) {

  OngoingReassignment {
    replicas = List.copyOf(replicas);
    adding = List.copyOf(adding);
    removing = List.copyOf(removing);
  }

  /** The replica list the partition ends up with. */
  List<Integer> target() {
    return replicas.stream().filter(broker -> !removing.contains(broker)).toList();
  }

  /** The replica list it had before. */
  List<Integer> origin() {
    return replicas.stream().filter(broker -> !adding.contains(broker)).toList();
  }
}
