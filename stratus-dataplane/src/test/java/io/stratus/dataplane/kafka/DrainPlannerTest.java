package io.stratus.dataplane.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DrainPlannerTest {

  @Test
  void replacesTheLeavingBrokerInPlaceWithTheLeastLoadedCandidate() {
    Map<TopicPartition, List<Integer>> assignments =
        Map.of(
            new TopicPartition("orders", 0), List.of(3, 0, 1),
            new TopicPartition("orders", 1), List.of(0, 1, 2));

    DrainPlanner.Plan plan = DrainPlanner.plan(3, assignments, Set.of(0, 1, 2));

    assertThat(plan).isInstanceOf(DrainPlanner.Moves.class);
    assertThat(((DrainPlanner.Moves) plan).targets())
        .as("only the partition on broker 3 moves, and broker 2 (not in its list) takes its place")
        .containsExactly(Map.entry(new TopicPartition("orders", 0), List.of(2, 0, 1)));
  }

  @Test
  void aBrokerWithNoReplicasNeedsNoMoves() {
    DrainPlanner.Plan plan =
        DrainPlanner.plan(3, Map.of(new TopicPartition("t", 0), List.of(0, 1, 2)), Set.of(0, 1, 2));

    assertThat(((DrainPlanner.Moves) plan).targets()).isEmpty();
  }

  @Test
  void refusesWhenTheReplicationFactorExceedsTheRemainingBrokers() {
    DrainPlanner.Plan plan =
        DrainPlanner.plan(
            3, Map.of(new TopicPartition("wide", 0), List.of(0, 1, 2, 3)), Set.of(0, 1, 2));

    assertThat(plan).isInstanceOf(DrainPlanner.Impossible.class);
    assertThat(((DrainPlanner.Impossible) plan).reason())
        .contains("wide-0")
        .contains("replication factor 4")
        .contains("only 3 brokers would remain");
  }

  @Test
  void randomClustersDrainCompletelyMovingOnlyWhatMust() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      int brokers = 4 + random.nextInt(5);
      int leaving = brokers - 1;
      Map<TopicPartition, List<Integer>> assignments = new HashMap<>();
      int partitions = 1 + random.nextInt(60);
      for (int p = 0; p < partitions; p++) {
        List<Integer> all = new java.util.ArrayList<>();
        for (int b = 0; b < brokers; b++) {
          all.add(b);
        }
        java.util.Collections.shuffle(all, random);
        assignments.put(new TopicPartition("t", p), List.copyOf(all.subList(0, 3)));
      }
      Set<Integer> remaining = new java.util.TreeSet<>();
      for (int b = 0; b < leaving; b++) {
        remaining.add(b);
      }

      var targets =
          ((DrainPlanner.Moves) DrainPlanner.plan(leaving, assignments, remaining)).targets();

      Map<TopicPartition, List<Integer>> after = new HashMap<>(assignments);
      after.putAll(targets);
      for (var entry : after.entrySet()) {
        assertThat(entry.getValue())
            .as("seed %d partition %s", seed, entry.getKey())
            .doesNotContain(leaving)
            .doesNotHaveDuplicates()
            .hasSize(3)
            .allMatch(remaining::contains);
      }
      for (var entry : assignments.entrySet()) {
        List<Integer> before = entry.getValue();
        List<Integer> planned = after.get(entry.getKey());
        assertThat(targets.containsKey(entry.getKey()))
            .as(
                "seed %d: %s moves only if it had a replica on the leaving broker",
                seed, entry.getKey())
            .isEqualTo(before.contains(leaving));
        for (int position = 0; position < before.size(); position++) {
          if (before.get(position) != leaving) {
            assertThat(planned.get(position))
                .as("seed %d: replicas on staying brokers keep their place", seed)
                .isEqualTo(before.get(position));
          }
        }
      }
    }
  }
}
