package io.stratus.dataplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterType;
import io.stratus.api.DesiredCluster;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.InternalCredentials;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ClusterDeciderTest {

  private static final Set<NodeRole> COMBINED = Set.of(NodeRole.BROKER, NodeRole.CONTROLLER);
  private static final Set<NodeRole> BROKER = Set.of(NodeRole.BROKER);

  @Test
  void aNewClusterIsProvisioned() {
    Decision decision =
        ClusterDecider.decide(observe(desired(3), Optional.empty(), Map.of(), null));

    assertThat(decision.steps()).containsExactly(new Step.Provision(3));
    assertThat(decision.phase()).isEqualTo(ClusterPhase.PROVISIONING);
    assertThat(decision.message()).isEqualTo("creating 3 brokers");
  }

  @Test
  void brokersThatHaveNotRegisteredAreWaitedFor() {
    Decision decision =
        ClusterDecider.decide(observe(desired(3), Optional.of(layout(3)), allAlive(3), Set.of(0)));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.phase()).isEqualTo(ClusterPhase.PROVISIONING);
    assertThat(decision.message())
        .isEqualTo("waiting for broker 1, 2 to register with the controller (1 of 3 running)");
  }

  @Test
  void aClusterWhoseBrokersAllRunIsReady() {
    Decision decision =
        ClusterDecider.decide(
            observe(desired(3), Optional.of(layout(3)), allAlive(3), Set.of(0, 1, 2)));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.phase()).isEqualTo(ClusterPhase.READY);
    assertThat(decision.message()).isEqualTo("3 brokers running");
  }

  @Test
  void anExitedBrokerIsRestarted() {
    Map<Integer, Boolean> alive = new HashMap<>(allAlive(3));
    alive.put(1, false);
    Observation seen =
        withEverReady(observe(desired(3), Optional.of(layout(3)), alive, Set.of(0, 2)));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.StartNodes(Set.of(1)));
    assertThat(decision.phase()).isEqualTo(ClusterPhase.UPDATING);
    assertThat(decision.message()).isEqualTo("starting broker 1 (the process had exited)");
  }

  @Test
  void growingAddsOneBrokerAtATime() {
    Decision decision =
        ClusterDecider.decide(
            withEverReady(
                observe(desired(5), Optional.of(layout(3)), allAlive(3), Set.of(0, 1, 2))));

    assertThat(decision.steps()).containsExactly(new Step.AddBroker());
    assertThat(decision.phase()).isEqualTo(ClusterPhase.UPDATING);
    assertThat(decision.message()).isEqualTo("adding broker 4 of 5");
  }

  @Test
  void shrinkingDrainsTheHighestBrokerOnlyNodeFirst() {
    TopicPartition onLeaving = new TopicPartition("orders", 0);
    Observation seen =
        running(
            desired(3),
            4,
            Set.of(0, 1, 2, 3),
            Optional.of(Map.of(onLeaving, List.of(3, 0, 1))),
            Set.of(),
            Set.of());

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.DrainBroker(3));
    assertThat(decision.draining()).isEqualTo(3);
    assertThat(decision.message())
        .isEqualTo("draining broker 3 before removing it: 1 replica left");
  }

  @Test
  void shrinkingKeepsDrainingWhileMovesAreInFlight() {
    Observation seen =
        running(
            desired(3),
            4,
            Set.of(0, 1, 2, 3),
            Optional.of(Map.of()),
            Set.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1)),
            Set.of());

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps())
        .as("a broker is removed only once no move that could involve it is in flight")
        .containsExactly(new Step.DrainBroker(3));
    assertThat(decision.message())
        .isEqualTo(
            "draining broker 3 before removing it: 0 replicas left, 2 partition moves in flight");
  }

  @Test
  void aBrokerIsNotDrainedWhenTheRestCouldNotHoldEveryReplica() {
    Observation seen =
        running(
            desired(3),
            4,
            Set.of(0, 1, 2, 3),
            Optional.of(Map.of(new TopicPartition("wide", 0), List.of(0, 1, 2, 3))),
            Set.of(),
            Set.of());

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.message())
        .isEqualTo(
            "cannot remove broker 3: partition wide-0 has replication factor 4 but only 3"
                + " brokers would remain; lower its replication factor or keep more brokers");
  }

  @Test
  void anEmptyBrokerIsRemoved() {
    Observation seen =
        running(
            desired(3),
            4,
            Set.of(0, 1, 2, 3),
            Optional.of(Map.of(new TopicPartition("orders", 0), List.of(0, 1, 2))),
            Set.of(),
            Set.of());

    assertThat(ClusterDecider.decide(seen).steps()).containsExactly(new Step.RemoveBroker(3));
  }

  @Test
  void controllersAreNeverRemoved() {
    Observation seen =
        running(desired(2), 3, Set.of(0, 1, 2), Optional.of(Map.of()), Set.of(), Set.of());

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.phase()).isEqualTo(ClusterPhase.FAILED);
    assertThat(decision.message()).contains("KRaft controller quorum");
  }

  @Test
  void missingApiKeysAreCreatedOnceEveryBrokerRuns() {
    Observation seen =
        running(desired(3), 3, Set.of(0, 1, 2), Optional.empty(), Set.of(), Set.of("KEY1"));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.CreateKeys(Set.of("KEY1")));
    assertThat(decision.message()).isEqualTo("creating 1 API key");
  }

  @Test
  void deletionComesBeforeEverythingElse() {
    Observation seen =
        observe(desired(3).markedForDeletion(), Optional.of(layout(3)), allAlive(3), null);

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.DeleteCluster());
    assertThat(decision.phase()).isEqualTo(ClusterPhase.DELETING);
  }

  private static DesiredCluster desired(int brokers) {
    return new DesiredCluster(
        "lkc-abc123",
        new ClusterSpec("orders", ClusterType.DEDICATED, brokers, "4.4.0", Map.of()),
        1,
        false,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static ClusterLayout layout(int nodes) {
    List<NodeLayout> list = new ArrayList<>();
    int controllers = nodes >= 3 ? 3 : 1;
    for (int id = 0; id < nodes; id++) {
      boolean controller = id < controllers;
      list.add(
          new NodeLayout(
              id,
              controller ? COMBINED : BROKER,
              9000 + id,
              9100 + id,
              controller ? 9200 + id : 0));
    }
    return new ClusterLayout(
        "lkc-abc123",
        "kafka-cluster-id",
        "4.4.0",
        "127.0.0.1",
        true,
        new InternalCredentials(InternalCredentials.USERNAME, "secret"),
        Map.of(),
        list);
  }

  private static Map<Integer, Boolean> allAlive(int nodes) {
    Map<Integer, Boolean> alive = new HashMap<>();
    for (int id = 0; id < nodes; id++) {
      alive.put(id, true);
    }
    return alive;
  }

  private static Observation observe(
      DesiredCluster desired,
      Optional<ClusterLayout> layout,
      Map<Integer, Boolean> alive,
      Set<Integer> registered) {
    return new Observation(
        desired,
        layout,
        alive,
        Optional.ofNullable(registered),
        Optional.empty(),
        Set.of(),
        Set.of(),
        false);
  }

  /** A cluster that has been ready before, every node's process running. */
  private static Observation running(
      DesiredCluster desired,
      int nodes,
      Set<Integer> registered,
      Optional<Map<TopicPartition, List<Integer>>> assignments,
      Set<TopicPartition> reassigning,
      Set<String> missingKeys) {
    return new Observation(
        desired,
        Optional.of(layout(nodes)),
        allAlive(nodes),
        Optional.of(registered),
        assignments,
        reassigning,
        missingKeys,
        true);
  }

  private static Observation withEverReady(Observation seen) {
    return new Observation(
        seen.desired(),
        seen.layout(),
        seen.alive(),
        seen.registered(),
        seen.assignments(),
        seen.reassigning(),
        seen.missingKeys(),
        true);
  }
}
