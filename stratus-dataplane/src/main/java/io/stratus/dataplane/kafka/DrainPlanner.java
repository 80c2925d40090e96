package io.stratus.dataplane.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Plans how to move every replica off one broker before it is removed: each replica on the leaving
 * broker is replaced, in the same position of the replica list, by the remaining broker that holds
 * the fewest replicas and is not already in that partition's list. Pure and deterministic;
 * thread-safe.
 */
public final class DrainPlanner {

  private DrainPlanner() {}

  /** The outcome of planning: the moves, or why the broker cannot be drained. */
  public sealed interface Plan permits Moves, Impossible {}

  /** Target replica lists for every partition that has a replica on the leaving broker. */
  public record Moves(Map<TopicPartition, List<Integer>> targets) implements Plan {}

  /** The broker cannot be drained; {@code reason} says why in words a user can act on. */
  public record Impossible(String reason) implements Plan {}

  /**
   * Plans the moves off {@code leaving}.
   *
   * @param leaving the broker to empty
   * @param assignments every partition's current replica list
   * @param remaining the brokers that stay
   */
  public static Plan plan(
      int leaving, Map<TopicPartition, List<Integer>> assignments, Set<Integer> remaining) {
    Map<Integer, Integer> load = new HashMap<>();
    remaining.forEach(broker -> load.put(broker, 0));
    assignments
        .values()
        .forEach(replicas -> replicas.forEach(b -> load.computeIfPresent(b, (k, n) -> n + 1)));

    Map<TopicPartition, List<Integer>> targets = new LinkedHashMap<>();
    List<TopicPartition> partitions = new ArrayList<>(assignments.keySet());
    partitions.sort(
        Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
    for (TopicPartition partition : partitions) {
      List<Integer> replicas = assignments.get(partition);
      int position = replicas.indexOf(leaving);
      if (position < 0) {
        continue;
      }
      TreeSet<Integer> candidates = new TreeSet<>(remaining);
      candidates.removeAll(replicas);
      if (candidates.isEmpty()) {
        return new Impossible(
            "partition "
                + partition
                + " has replication factor "
                + replicas.size()
                + " but only "
                + remaining.size()
                + " brokers would remain; lower its replication factor or keep more brokers");
      }
      int replacement =
          candidates.stream()
              .min(Comparator.<Integer>comparingInt(load::get).thenComparingInt(b -> b))
              .orElseThrow();
      load.merge(replacement, 1, Integer::sum);
      List<Integer> target = new ArrayList<>(replicas);
      target.set(position, replacement);
      targets.put(partition, List.copyOf(target));
    }
    return new Moves(targets);
  }
}
