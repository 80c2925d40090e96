package io.stratus.balancer.executor;

import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which reassignments to start next within the move limits. Pure and thread-safe.
 *
 * <p>Moves go smallest first. A stopped or failed execution then leaves the most partitions settled
 * for the bytes it copied, progress shows early, and small moves free their brokers' slots quickly
 * so the limits stay used. Relieving the most loaded brokers first would make a half-run plan more
 * useful, but needs each broker's load at execution time, which a plan does not carry.
 */
final class MoveScheduler {

  /** Smallest copy first; topic and partition break ties so that runs repeat. */
  static final Comparator<PartitionMove> SMALLEST_FIRST =
      Comparator.comparingLong(PartitionMove::bytesToMove)
          .thenComparing(PartitionMove::topic)
          .thenComparingInt(PartitionMove::partition);

  private MoveScheduler() {}

  /** {@code moves} in the order the executor starts them. */
  static List<PartitionMove> order(Collection<PartitionMove> moves) {
    return moves.stream().sorted(SMALLEST_FIRST).toList();
  }

  /**
   * The moves of {@code pending} to start now, in its order. A move that copies data counts against
   * every broker it adds a replica to or removes one from, and against the cluster; it is started
   * only while all of them are under their limits. A move that only reorders replicas copies
   * nothing and takes no slot; at most {@link ExecutorSettings#leaderBatchSize()} of those start at
   * once.
   *
   * @param pending the moves not yet started, in order; each changes its replica list
   * @param inFlight the moves under way
   */
  static List<PartitionMove> nextBatch(
      List<PartitionMove> pending, Collection<PartitionMove> inFlight, ExecutorSettings settings) {
    Map<Integer, Integer> perBroker = new HashMap<>();
    int inCluster = 0;
    for (PartitionMove move : inFlight) {
      if (move.movesReplicas()) {
        inCluster++;
        touchedBrokers(move).forEach(broker -> perBroker.merge(broker, 1, Integer::sum));
      }
    }
    List<PartitionMove> batch = new ArrayList<>();
    int reorders = 0;
    for (PartitionMove move : pending) {
      if (!move.movesReplicas()) {
        if (reorders < settings.leaderBatchSize()) {
          batch.add(move);
          reorders++;
        }
        continue;
      }
      if (inCluster >= settings.maxMovesInCluster()) {
        continue;
      }
      Set<Integer> brokers = touchedBrokers(move);
      boolean fits =
          brokers.stream()
              .allMatch(broker -> perBroker.getOrDefault(broker, 0) < settings.maxMovesPerBroker());
      if (fits) {
        batch.add(move);
        inCluster++;
        brokers.forEach(broker -> perBroker.merge(broker, 1, Integer::sum));
      }
    }
    return batch;
  }

  /** The brokers a move adds a replica to or removes one from. */
  static Set<Integer> touchedBrokers(PartitionMove move) {
    Set<Integer> brokers = new LinkedHashSet<>(move.addedBrokers());
    brokers.addAll(move.removedBrokers());
    return brokers;
  }
}
