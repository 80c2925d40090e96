package io.stratus.balancer.synthetic;

import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes a reassignment copies from one placement to another: each partition's local bytes for
 * every broker that gains a replica of it. Pure; thread-safe.
 */
public final class PlacementCost {

  private PlacementCost() {}

  /**
   * The bytes to copy to go from {@code from} to {@code to}, two models of the same partitions.
   *
   * @throws IllegalArgumentException if {@code to} lacks a partition of {@code from}
   */
  public static long bytesToMove(ClusterModel from, ClusterModel to) {
    Map<String, List<Integer>> target = new HashMap<>();
    for (PartitionModel partition : to.partitions()) {
      target.put(partition.name(), partition.replicas());
    }
    long bytes = 0;
    for (PartitionModel partition : from.partitions()) {
      List<Integer> replicas = target.get(partition.name());
      if (replicas == null) {
        throw new IllegalArgumentException(partition.name() + " is missing from the target model");
      }
      long added = replicas.stream().filter(b -> !partition.replicas().contains(b)).count();
      bytes += partition.localBytes() * added;
    }
    return bytes;
  }
}
