package io.stratus.balancer.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.plan.PartitionMove;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoveSchedulerTest {

  private static final ExecutorSettings TWO_PER_BROKER =
      ExecutorSettings.defaults().withMaxMovesPerBroker(2).withMaxMovesInCluster(10);

  @Test
  void aMoveCountsAgainstTheBrokersItAddsToAndRemovesFrom() {
    // Each moves a replica from 0 to a different broker: 0 is in every move.
    List<PartitionMove> pending =
        List.of(
            move("t", 0, List.of(0, 5), List.of(1, 5), 1),
            move("t", 1, List.of(0, 5), List.of(2, 5), 2),
            move("t", 2, List.of(0, 5), List.of(3, 5), 3));

    List<PartitionMove> batch = MoveScheduler.nextBatch(pending, List.of(), TWO_PER_BROKER);

    assertThat(batch).extracting(PartitionMove::partition).containsExactly(0, 1);
  }

  @Test
  void movesInFlightTakeTheirSlots() {
    List<PartitionMove> inFlight = List.of(move("t", 9, List.of(4, 5), List.of(1, 5), 1));
    List<PartitionMove> pending =
        List.of(
            move("t", 0, List.of(4, 6), List.of(7, 6), 1),
            move("t", 1, List.of(2, 6), List.of(3, 6), 2),
            move("t", 2, List.of(4, 6), List.of(8, 6), 3));

    List<PartitionMove> batch = MoveScheduler.nextBatch(pending, inFlight, TWO_PER_BROKER);

    assertThat(batch)
        .as("broker 4 has one move in flight, so only one more")
        .extracting(PartitionMove::partition)
        .containsExactly(0, 1);
  }

  @Test
  void theClusterLimitCapsTheBatch() {
    List<PartitionMove> pending =
        List.of(
            move("t", 0, List.of(0), List.of(1), 1),
            move("t", 1, List.of(2), List.of(3), 1),
            move("t", 2, List.of(4), List.of(5), 1));

    List<PartitionMove> batch =
        MoveScheduler.nextBatch(pending, List.of(), TWO_PER_BROKER.withMaxMovesInCluster(2));

    assertThat(batch).hasSize(2);
  }

  @Test
  void reordersTakeNoSlotButAreCappedByTheLeaderBatchSize() {
    List<PartitionMove> pending =
        List.of(
            move("t", 0, List.of(0, 1), List.of(1, 0), 0),
            move("t", 1, List.of(0, 1), List.of(1, 0), 0),
            move("t", 2, List.of(0, 1), List.of(1, 0), 0),
            move("t", 3, List.of(0, 2), List.of(3, 2), 5));
    ExecutorSettings settings =
        TWO_PER_BROKER.withMaxMovesPerBroker(1).withMaxMovesInCluster(1).withLeaderBatchSize(2);

    List<PartitionMove> batch = MoveScheduler.nextBatch(pending, List.of(), settings);

    assertThat(batch).extracting(PartitionMove::partition).containsExactly(0, 1, 3);
  }

  @Test
  void ordersSmallestFirstThenByTopicAndPartition() {
    List<PartitionMove> ordered =
        MoveScheduler.order(
            List.of(
                move("b", 0, List.of(0), List.of(1), 50),
                move("a", 1, List.of(0), List.of(1), 50),
                move("a", 0, List.of(0), List.of(1), 50),
                move("c", 0, List.of(0), List.of(1), 7)));

    assertThat(ordered)
        .extracting(m -> m.topic() + "-" + m.partition())
        .containsExactly("c-0", "a-0", "a-1", "b-0");
  }

  private static PartitionMove move(
      String topic, int partition, List<Integer> from, List<Integer> to, long bytes) {
    return new PartitionMove(topic, partition, from, to, from.get(0), bytes);
  }
}
