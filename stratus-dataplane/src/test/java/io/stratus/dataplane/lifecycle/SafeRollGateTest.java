package io.stratus.dataplane.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SafeRollGateTest {

  /** The quorum leader's last-caught-up timestamp in every test cluster. */
  private static final long NOW = 1_767_225_600_000L;

  private final SafeRollGate gate = new SafeRollGate(SafeRollGate.DEFAULT_QUORUM_LAG_TOLERANCE);

  @Test
  void everyNodeOfAHealthyCombinedClusterMayBeRestarted() {
    ClusterHealth health = cluster().combined(0, 1, 2).topic("orders", 6, 3, 2).build();

    for (int nodeId = 0; nodeId < 3; nodeId++) {
      assertThat(gate.verdict(nodeId, health))
          .as("with RF 3 and min.insync.replicas=2 every partition keeps 2 in-sync replicas")
          .isEqualTo(new RollVerdict.Safe(nodeId));
    }
  }

  @Test
  void aBrokerDownByHandBlocksEveryBrokerWhoseReplicasWouldDropBelowMinIsr() {
    ClusterHealth health = oneOfThreeDownByHand();

    assertThat(gate.verdict(0, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                0,
                "restarting broker 0 would leave partition orders-0 with 1 in-sync replica"
                    + " (ISR [0, 2], min.insync.replicas=2); 5 more partitions likewise"));
    assertThat(gate.verdict(2, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                2,
                "restarting broker 2 would leave partition orders-0 with 1 in-sync replica"
                    + " (ISR [0, 2], min.insync.replicas=2); 5 more partitions likewise"));
  }

  @Test
  void theBrokerDownByHandMayItselfBeRestarted() {
    assertThat(gate.verdict(1, oneOfThreeDownByHand()))
        .as(
            "its partitions keep their 2 in-sync replicas, the other voters are caught up, and"
                + " starting a node that is down cannot reduce availability")
        .isEqualTo(new RollVerdict.Safe(1));
  }

  @Test
  void aStartingNodeIsNeverRestarted() {
    ClusterHealth health =
        cluster().combined(0, 1, 2).topic("orders", 3, 3, 2).starting(1).outOfSync(1).build();

    assertThat(gate.verdict(1, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                1,
                "broker 1 is still starting: it may be recovering its log, and a node that is"
                    + " still recovering is never restarted"));
  }

  @Test
  void aNodeThatIsOnlyAControllerIsCalledAController() {
    ClusterHealth health = cluster().controllers(0, 1, 2).brokers(3, 4, 5).starting(2).build();

    assertThat(gate.verdict(2, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                2,
                "controller 2 is still starting: it may be recovering its log, and a node that"
                    + " is still recovering is never restarted"));
    assertThat(gate.verdict(3, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                3, "controller 2 is still starting; only one node is restarted at a time"));
  }

  @Test
  void anotherNodeDownBlocksTheRollEvenWhenNoPartitionIsAtRisk() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("events", 0, List.of(3, 4), Set.of(3, 4), 1)
            .down(5)
            .build();

    assertThat(gate.verdict(3, health))
        .as("restarting broker 3 too would have two nodes down at once")
        .isEqualTo(
            new RollVerdict.Unsafe(3, "broker 5 is down; only one node is restarted at a time"));
  }

  @Test
  void theLowestOtherNodeThatIsNotServingIsNamed() {
    ClusterHealth health =
        cluster().controllers(0, 1, 2).brokers(3, 4, 5, 6).down(6).starting(4).build();

    assertThat(gate.verdict(3, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                3, "broker 4 is still starting; only one node is restarted at a time"));
  }

  @Test
  void offendingPartitionsAreReportedInTopicThenPartitionNumberOrder() {
    Cluster cluster = cluster().controllers(0, 1, 2).brokers(3, 4, 5);
    ClusterHealth scrambled =
        cluster
            .partition("payments", 0, List.of(3, 4, 5), Set.of(3, 4), 2)
            .partition("orders", 10, List.of(3, 4, 5), Set.of(3, 4), 2)
            .partition("orders", 2, List.of(4, 3, 5), Set.of(3, 4), 2)
            .build();
    ClusterHealth sorted =
        cluster()
            .controllers(2, 1, 0)
            .brokers(5, 4, 3)
            .partition("orders", 2, List.of(4, 3, 5), Set.of(4, 3), 2)
            .partition("orders", 10, List.of(3, 4, 5), Set.of(4, 3), 2)
            .partition("payments", 0, List.of(3, 4, 5), Set.of(4, 3), 2)
            .build();

    RollVerdict expected =
        new RollVerdict.Unsafe(
            3,
            "restarting broker 3 would leave partition orders-2 with 1 in-sync replica"
                + " (ISR [4, 3], min.insync.replicas=2); 2 more partitions likewise");
    assertThat(gate.verdict(3, scrambled))
        .as("orders-2 comes before orders-10; the ISR is shown in replica order")
        .isEqualTo(expected);
    assertThat(gate.verdict(3, sorted))
        .as("the reason does not depend on the order the health was reported in")
        .isEqualTo(expected);
  }

  @Test
  void aBrokerThatIsThePartitionsOnlyInSyncReplicaIsRefused() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("orders", 0, List.of(3, 4, 5), Set.of(3), 2)
            .build();

    assertThat(gate.verdict(3, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                3,
                "restarting broker 3 would leave partition orders-0 with 0 in-sync replicas"
                    + " (ISR [3], min.insync.replicas=2)"));
  }

  @Test
  void aFullyInSyncReplicationFactorOnePartitionDoesNotBlockTheRoll() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("scratch", 0, List.of(3), Set.of(3), 1)
            .build();

    assertThat(gate.verdict(3, health))
        .as("no order of restarts keeps an RF 1 partition writable, so it must not block")
        .isEqualTo(new RollVerdict.Safe(3));
    assertThat(gate.brieflyUnavailable(3, health)).containsExactly(tp("scratch", 0));
    assertThat(gate.brieflyUnavailable(4, health)).as("broker 4 hosts no replica of it").isEmpty();
  }

  @Test
  void anOfflineReplicationFactorOnePartitionBlocksTheRoll() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("scratch", 0, List.of(3), Set.of(), 1)
            .build();

    assertThat(gate.verdict(3, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                3,
                "partition scratch-0 must be fully in sync before broker 3 restarts, as its"
                    + " replication factor 1 is not above min.insync.replicas=1 (ISR [] of"
                    + " replicas [3])"));
  }

  @Test
  void aFullyInSyncPartitionWithReplicationFactorEqualToMinIsrDoesNotBlockTheRoll() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("ledger", 0, List.of(3, 4), Set.of(3, 4), 2)
            .build();

    assertThat(gate.verdict(3, health)).isEqualTo(new RollVerdict.Safe(3));
    assertThat(gate.verdict(4, health)).isEqualTo(new RollVerdict.Safe(4));
    assertThat(gate.brieflyUnavailable(4, health))
        .as("it refuses acks=all writes while either replica restarts")
        .containsExactly(tp("ledger", 0));
  }

  @Test
  void aPartitionWithReplicationFactorEqualToMinIsrThatIsNotFullyInSyncBlocksTheRoll() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("ledger", 0, List.of(3, 4), Set.of(4), 2)
            .build();

    assertThat(gate.verdict(4, health))
        .as("broker 4 is its last in-sync replica")
        .isEqualTo(
            new RollVerdict.Unsafe(
                4,
                "partition ledger-0 must be fully in sync before broker 4 restarts, as its"
                    + " replication factor 2 is not above min.insync.replicas=2 (ISR [4] of"
                    + " replicas [3, 4])"));
    assertThat(gate.verdict(3, health))
        .as("the lagging replica waits too, so the roll never leaves such a partition behind")
        .isInstanceOf(RollVerdict.Unsafe.class);
  }

  @Test
  void brieflyUnavailableListsTheNodesLowReplicationPartitionsInOrder() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4, 5)
            .partition("scratch", 1, List.of(3), Set.of(3), 1)
            .partition("ledger", 10, List.of(4, 3), Set.of(3, 4), 2)
            .partition("orders", 0, List.of(3, 4, 5), Set.of(3, 4, 5), 2)
            .partition("ledger", 2, List.of(3, 4), Set.of(3, 4), 2)
            .partition("scratch", 0, List.of(4), Set.of(4), 1)
            .build();

    assertThat(gate.brieflyUnavailable(3, health))
        .as("orders-0 stays writable and scratch-0 is not on broker 3")
        .containsExactly(tp("ledger", 2), tp("ledger", 10), tp("scratch", 1));
  }

  @Test
  void aLaggingVoterBlocksRestartingAnotherController() {
    ClusterHealth health =
        cluster().combined(0, 1, 2).leader(0).voterBehind(1, Duration.ofSeconds(5)).build();

    assertThat(gate.verdict(2, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                2,
                "restarting controller 2 would leave 1 of the other 2 voters caught up with the"
                    + " leader (node 0); the quorum needs 2 of 3: voter 1 lags"));
    assertThat(gate.verdict(1, health))
        .as("restarting the lagging voter itself leaves the leader and voter 2, a majority")
        .isEqualTo(new RollVerdict.Safe(1));
  }

  @Test
  void aVoterExactlyTheToleranceBehindIsCaughtUp() {
    ClusterHealth atTolerance =
        cluster().combined(0, 1, 2).voterBehind(1, Duration.ofMillis(2_000)).build();
    ClusterHealth pastTolerance =
        cluster().combined(0, 1, 2).voterBehind(1, Duration.ofMillis(2_001)).build();

    assertThat(gate.verdict(2, atTolerance))
        .as("the tolerance is inclusive: 2,000 ms behind still counts as caught up")
        .isEqualTo(new RollVerdict.Safe(2));
    assertThat(gate.verdict(2, pastTolerance))
        .as("one millisecond more and voter 1 lags, leaving only the leader")
        .isInstanceOf(RollVerdict.Unsafe.class);
    assertThat(new SafeRollGate(Duration.ofSeconds(10)).verdict(2, pastTolerance))
        .as("a wider tolerance counts the same voter as caught up")
        .isEqualTo(new RollVerdict.Safe(2));
  }

  @Test
  void aLeaderWithoutATimestampIsMeasuredAgainstTheNewestVoter() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2, 3, 4)
            .leader(0)
            .voterNeverCaughtUp(0)
            .voterBehind(2, Duration.ofSeconds(1))
            .voterBehind(3, Duration.ofSeconds(10))
            .voterNeverCaughtUp(4)
            .build();

    assertThat(gate.verdict(1, health))
        .as("voter 2 is 1 s behind voter 1's newest timestamp; voter 4 never caught up")
        .isEqualTo(
            new RollVerdict.Unsafe(
                1,
                "restarting controller 1 would leave 2 of the other 4 voters caught up with the"
                    + " leader (node 0); the quorum needs 3 of 5: voters 3, 4 lag"));
  }

  @Test
  void anUnreadableQuorumBlocksControllersButNotBrokerOnlyNodes() {
    ClusterHealth health =
        cluster().controllers(0, 1, 2).brokers(3, 4, 5).quorumUnreadable().build();

    assertThat(gate.verdict(0, health))
        .isEqualTo(
            new RollVerdict.Unsafe(
                0,
                "the metadata quorum could not be read, so restarting controller 0 could cost it"
                    + " its majority"));
    assertThat(gate.verdict(3, health))
        .as("a broker-only node is not a voter")
        .isEqualTo(new RollVerdict.Safe(3));
  }

  @Test
  void aQuorumTooSmallToLoseAVoterDoesNotBlockTheRollForever() {
    ClusterHealth health = cluster().combined(0).build();

    assertThat(gate.verdict(0, health))
        .as("a one-voter quorum is down while its voter restarts whatever the order")
        .isEqualTo(new RollVerdict.Safe(0));
  }

  @Test
  void nextRestartsBrokerOnlyNodesThenControllersAndTheActiveControllerLast() {
    ClusterHealth health = cluster().controllers(0, 1, 2).brokers(3, 4).leader(1).build();

    List<Integer> restarted = new ArrayList<>();
    Set<Integer> pending = new HashSet<>(Set.of(0, 1, 2, 3, 4));
    while (!pending.isEmpty()) {
      RollStep step = gate.next(pending, health);
      assertThat(step).as("step after %s", restarted).isInstanceOf(RollStep.Restart.class);
      restarted.add(step.nodeId());
      pending.remove(step.nodeId());
    }

    assertThat(restarted).containsExactly(3, 4, 0, 2, 1);
  }

  @Test
  void nextHoldsTheActiveControllerBackWhileOtherNodesArePending() {
    ClusterHealth health =
        cluster()
            .controllers(0, 1, 2)
            .brokers(3, 4)
            .leader(0)
            .partition("orders", 0, List.of(3, 4), Set.of(3), 1)
            .build();

    assertThat(gate.next(Set.of(0, 3), health))
        .as("the active controller would be safe, but it goes last")
        .isEqualTo(
            new RollStep.Wait(
                3,
                "restarting broker 3 would leave partition orders-0 with 0 in-sync replicas"
                    + " (ISR [3], min.insync.replicas=1)"));
    assertThat(gate.next(Set.of(0), health)).isEqualTo(new RollStep.Restart(0));
  }

  @Test
  void nextSkipsAnUnsafeNodeForASafeLaterOne() {
    ClusterHealth health = brokerFiveLagging();

    assertThat(gate.next(Set.of(3, 4, 5), health))
        .as("brokers 3 and 4 are needed in the ISR; broker 5 is not in it")
        .isEqualTo(new RollStep.Restart(5));
  }

  @Test
  void nextWaitsWithTheFirstNodesReasonWhenNoNodeIsSafe() {
    ClusterHealth health = brokerFiveLagging();

    assertThat(gate.next(Set.of(4, 3), health))
        .isEqualTo(
            new RollStep.Wait(
                3,
                "restarting broker 3 would leave partition orders-0 with 1 in-sync replica"
                    + " (ISR [3, 4], min.insync.replicas=2)"));
  }

  @Test
  void nextRejectsAnEmptyRoll() {
    ClusterHealth health = cluster().combined(0, 1, 2).build();

    assertThatThrownBy(() -> gate.next(Set.of(), health))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one node");
  }

  @Test
  void settlingWaitsForARestartedNodeToRejoin() {
    ClusterHealth down = cluster().combined(0, 1, 2).down(1).build();
    ClusterHealth starting = cluster().controllers(0, 1, 2).brokers(3).starting(1).build();

    assertThat(gate.settling(Set.of(1), down))
        .contains("waiting for broker 1 to rejoin the cluster");
    assertThat(gate.settling(Set.of(1), starting))
        .contains("waiting for controller 1 to rejoin the cluster");
  }

  @Test
  void settlingWaitsForARestartedBrokerToCatchUpOnItsPartitions() {
    ClusterHealth health =
        cluster()
            .combined(0, 1, 2)
            .partition("orders", 0, List.of(0, 1, 2), Set.of(0, 1, 2), 2)
            .partition("orders", 1, List.of(1, 2, 0), Set.of(2, 0), 2)
            .partition("orders", 2, List.of(2, 0, 1), Set.of(2, 0), 2)
            .partition("payments", 0, List.of(0, 2), Set.of(0, 2), 1)
            .build();

    assertThat(gate.settling(Set.of(1), health))
        .contains("waiting for broker 1 to catch up: in sync on 1 of 3 partitions it hosts");
  }

  @Test
  void settlingWaitsForARestartedControllerToCatchUpWithTheQuorum() {
    ClusterHealth lagging =
        cluster().combined(0, 1, 2).voterBehind(1, Duration.ofSeconds(10)).build();
    ClusterHealth unreadable = cluster().combined(0, 1, 2).quorumUnreadable().build();

    assertThat(gate.settling(Set.of(1), lagging))
        .contains("waiting for controller 1 to catch up with the metadata quorum");
    assertThat(gate.settling(Set.of(1), unreadable))
        .as("a controller is settled only once the quorum shows it caught up")
        .contains(
            "waiting for controller 1 to catch up with the metadata quorum (the quorum could not"
                + " be read)");
  }

  @Test
  void settlingReportsTheLowestUnsettledNodeFirst() {
    ClusterHealth health =
        cluster()
            .combined(0, 1, 2)
            .partition("orders", 0, List.of(0, 1, 2), Set.of(0, 2), 2)
            .down(2)
            .build();

    assertThat(gate.settling(Set.of(2, 0, 1), health))
        .contains("waiting for broker 1 to catch up: in sync on 0 of 1 partition it hosts");
  }

  @Test
  void settlingIsEmptyOnceEveryRestartedNodeHasSettled() {
    ClusterHealth health =
        cluster()
            .combined(0, 1, 2)
            .brokers(3)
            .topic("orders", 4, 3, 2)
            .voterBehind(1, Duration.ofSeconds(1))
            .build();

    assertThat(gate.settling(Set.of(0, 1, 2, 3), health))
        .as("every node serves, is in every ISR it belongs to, and every voter is caught up")
        .isEmpty();
    assertThat(gate.settling(Set.of(), health)).as("nothing restarted yet").isEmpty();
  }

  @Test
  void aNegativeLagToleranceIsRejected() {
    assertThatThrownBy(() -> new SafeRollGate(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quorumLagTolerance must not be negative, was PT-1S");
  }

  /**
   * Three combined nodes, topic {@code orders} with 6 partitions at RF 3 and min.insync.replicas 2,
   * and node 1 stopped by hand: out of every ISR and behind the quorum.
   */
  private static ClusterHealth oneOfThreeDownByHand() {
    return cluster()
        .combined(0, 1, 2)
        .topic("orders", 6, 3, 2)
        .down(1)
        .outOfSync(1)
        .voterBehind(1, Duration.ofSeconds(30))
        .build();
  }

  /** Partition orders-0 on brokers 3, 4, 5 with min.insync.replicas 2, broker 5 out of its ISR. */
  private static ClusterHealth brokerFiveLagging() {
    return cluster()
        .controllers(0, 1, 2)
        .brokers(3, 4, 5)
        .partition("orders", 0, List.of(3, 4, 5), Set.of(3, 4), 2)
        .build();
  }

  private static TopicPartition tp(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  private static Cluster cluster() {
    return new Cluster();
  }

  /**
   * Builds a {@link ClusterHealth}: every node serving, every voter caught up at {@link #NOW}, the
   * lowest controller leading the quorum, unless told otherwise.
   */
  private static final class Cluster {
    private final Map<Integer, NodeHealth> nodes = new TreeMap<>();
    private final List<PartitionHealth> partitions = new ArrayList<>();
    private final Map<Integer, VoterHealth> voters = new TreeMap<>();
    private Optional<Integer> leader = Optional.empty();
    private boolean quorumReadable = true;

    Cluster combined(int... ids) {
      return add(true, true, ids);
    }

    Cluster controllers(int... ids) {
      return add(false, true, ids);
    }

    Cluster brokers(int... ids) {
      return add(true, false, ids);
    }

    Cluster down(int nodeId) {
      return condition(nodeId, NodeCondition.DOWN);
    }

    Cluster starting(int nodeId) {
      return condition(nodeId, NodeCondition.STARTING);
    }

    /**
     * A topic whose replicas are spread round-robin over the brokers by id, every replica in sync.
     */
    Cluster topic(String topic, int partitionCount, int replicationFactor, int minInsyncReplicas) {
      List<Integer> brokers =
          nodes.values().stream().filter(NodeHealth::broker).map(NodeHealth::nodeId).toList();
      for (int partition = 0; partition < partitionCount; partition++) {
        List<Integer> replicas = new ArrayList<>();
        for (int replica = 0; replica < replicationFactor; replica++) {
          replicas.add(brokers.get((partition + replica) % brokers.size()));
        }
        partition(topic, partition, replicas, Set.copyOf(replicas), minInsyncReplicas);
      }
      return this;
    }

    Cluster partition(
        String topic, int partition, List<Integer> replicas, Set<Integer> isr, int minIsr) {
      partitions.add(
          new PartitionHealth(new TopicPartition(topic, partition), replicas, isr, minIsr));
      return this;
    }

    /** Takes {@code nodeId} out of every ISR, as the controller does once it stops fetching. */
    Cluster outOfSync(int nodeId) {
      partitions.replaceAll(
          partition ->
              new PartitionHealth(
                  partition.partition(),
                  partition.replicas(),
                  partition.isr().stream().filter(id -> id != nodeId).collect(Collectors.toSet()),
                  partition.minInsyncReplicas()));
      return this;
    }

    Cluster leader(int nodeId) {
      leader = Optional.of(nodeId);
      return this;
    }

    Cluster voterBehind(int nodeId, Duration lag) {
      voters.put(nodeId, new VoterHealth(nodeId, 0, OptionalLong.of(NOW - lag.toMillis())));
      return this;
    }

    Cluster voterNeverCaughtUp(int nodeId) {
      voters.put(nodeId, new VoterHealth(nodeId, 0, OptionalLong.empty()));
      return this;
    }

    Cluster quorumUnreadable() {
      quorumReadable = false;
      return this;
    }

    ClusterHealth build() {
      Optional<QuorumHealth> quorum =
          quorumReadable
              ? Optional.of(
                  new QuorumHealth(
                      leader.orElseGet(() -> voters.keySet().iterator().next()), voters))
              : Optional.empty();
      return new ClusterHealth(nodes, partitions, quorum);
    }

    private Cluster add(boolean broker, boolean controller, int... ids) {
      for (int id : ids) {
        nodes.put(id, new NodeHealth(id, broker, controller, NodeCondition.SERVING));
        if (controller) {
          voters.put(id, new VoterHealth(id, 100, OptionalLong.of(NOW)));
        }
      }
      return this;
    }

    private Cluster condition(int nodeId, NodeCondition condition) {
      NodeHealth node = nodes.get(nodeId);
      nodes.put(nodeId, new NodeHealth(nodeId, node.broker(), node.controller(), condition));
      return this;
    }
  }
}
