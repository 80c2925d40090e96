package io.stratus.dataplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterType;
import io.stratus.api.DesiredCluster;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import io.stratus.dataplane.kafka.MetadataVersionLevels;
import io.stratus.dataplane.lifecycle.ClusterHealth;
import io.stratus.dataplane.lifecycle.NodeCondition;
import io.stratus.dataplane.lifecycle.NodeHealth;
import io.stratus.dataplane.lifecycle.PartitionHealth;
import io.stratus.dataplane.lifecycle.QuorumHealth;
import io.stratus.dataplane.lifecycle.VoterHealth;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterRevision;
import io.stratus.dataplane.substrate.InternalCredentials;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRevision;
import io.stratus.dataplane.substrate.NodeRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Rolling restarts, reconfiguration, upgrades and shrinks, as {@link ClusterDecider} decides them.
 */
class LifecycleDecisionsTest {

  private static final Instant RESTART_AT = Instant.parse("2026-11-25T10:00:00Z");
  private static final Set<NodeRole> COMBINED = Set.of(NodeRole.BROKER, NodeRole.CONTROLLER);
  private static final Set<NodeRole> BROKER = Set.of(NodeRole.BROKER);

  @Test
  void aRestartRequestMakesEveryNodeDueARestart() {
    ClusterSpec spec = spec(3, "4.4.0", Map.of()).withRestartRequestedAt(RESTART_AT);

    Decision decision = ClusterDecider.decide(running(spec, layout(3, "4.4.0", 0, Map.of())));

    assertThat(decision.steps())
        .containsExactly(
            new Step.Retarget(
                "4.4.0",
                new ClusterRevision(1, Map.of(), Optional.of(RESTART_AT), OperationKind.RESTART),
                Map.of(),
                Optional.of(OperationKind.RESTART)));
    assertThat(decision.phase()).isEqualTo(ClusterPhase.UPDATING);
    assertThat(decision.message()).isEqualTo("rolling restart: every node restarts, one at a time");
  }

  @Test
  void aSettingKafkaChangesLiveIsAppliedWithoutARestart() {
    ClusterSpec spec = spec(3, "4.4.0", Map.of("log.retention.ms", "3600000"));
    Observation seen = running(spec, layout(3, "4.4.0", 0, Map.of())).with(restartOnly(Set.of()));

    Decision decision = ClusterDecider.decide(seen);

    Step.Retarget retarget = (Step.Retarget) decision.steps().get(0);
    assertThat(retarget.roll()).as("a dynamic setting needs no restart").isEmpty();
    assertThat(retarget.revision().generation()).isZero();
    assertThat(retarget.liveSettings()).containsExactly(Map.entry("log.retention.ms", "3600000"));
    assertThat(decision.message()).isEqualTo("applying [log.retention.ms] live, without a restart");
  }

  @Test
  void aSettingOnlyARestartAppliesRollsTheNodes() {
    ClusterSpec spec =
        spec(3, "4.4.0", Map.of("num.io.threads", "8", "log.retention.ms", "3600000"));
    Observation seen =
        running(spec, layout(3, "4.4.0", 0, Map.of())).with(restartOnly(Set.of("num.io.threads")));

    Step.Retarget retarget = (Step.Retarget) ClusterDecider.decide(seen).steps().get(0);

    assertThat(retarget.roll()).contains(OperationKind.RECONFIGURE);
    assertThat(retarget.revision().generation()).isEqualTo(1);
    assertThat(retarget.revision().configOverrides())
        .containsEntry("num.io.threads", "8")
        .containsEntry("log.retention.ms", "3600000");
    assertThat(retarget.liveSettings())
        .as("the dynamic half applies at once, the rest with the roll")
        .containsOnlyKeys("log.retention.ms");
  }

  @Test
  void aRemovedSettingRollsTheNodesSinceRunningBrokersWouldKeepTheOldValue() {
    Observation seen =
        running(spec(3, "4.4.0", Map.of()), layout(3, "4.4.0", 0, Map.of("log.retention.ms", "1")))
            .with(restartOnly(Set.of()));

    Step.Retarget retarget = (Step.Retarget) ClusterDecider.decide(seen).steps().get(0);

    assertThat(retarget.roll()).contains(OperationKind.RECONFIGURE);
    assertThat(retarget.revision().configOverrides()).isEmpty();
  }

  @Test
  void aConfigurationChangeWaitsUntilKafkaSaysWhichSettingsAreDynamic() {
    Decision decision =
        ClusterDecider.decide(
            running(
                spec(3, "4.4.0", Map.of("num.io.threads", "8")), layout(3, "4.4.0", 0, Map.of())));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.message())
        .isEqualTo(
            "asking Kafka which of the changed settings [num.io.threads] it applies without a restart");
  }

  @Test
  void aNewVersionIsAnUpgrade() {
    Decision decision =
        ClusterDecider.decide(running(spec(3, "4.4.0", Map.of()), layout(3, "4.3.1", 0, Map.of())));

    Step.Retarget retarget = (Step.Retarget) decision.steps().get(0);
    assertThat(retarget.kafkaVersion()).isEqualTo("4.4.0");
    assertThat(retarget.roll()).contains(OperationKind.UPGRADE);
    assertThat(decision.message())
        .isEqualTo("upgrade to Kafka 4.4.0: every node restarts, one at a time");
  }

  @Test
  void anOlderVersionIsRefused() {
    Decision decision =
        ClusterDecider.decide(running(spec(3, "4.3.1", Map.of()), layout(3, "4.4.0", 0, Map.of())));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.phase()).isEqualTo(ClusterPhase.FAILED);
    assertThat(decision.message()).startsWith("not downgrading from Kafka 4.4.0 to 4.3.1");
  }

  @Test
  void aRollRestartsBrokerOnlyNodesFirstWhenKafkaCanSpareThem() {
    ClusterLayout layout = layout(4, "4.4.0", 1, Map.of());
    Observation seen =
        running(spec(4, "4.4.0", Map.of()), layout).with(health(healthy(layout, Set.of())));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.RestartNode(3));
    assertThat(decision.message()).isEqualTo("rolling restart: restarting broker 3 (0 of 4 done)");
    assertThat(decision.operation())
        .contains(
            new LifecycleOperation(
                OperationKind.RESTART, 0, 4, Optional.of(3), 0, Optional.empty()));
  }

  @Test
  void aRollWaitsAndSaysWhyWhenAnotherBrokerIsDown() {
    ClusterLayout layout = layout(3, "4.4.0", 1, Map.of());
    Map<Integer, Boolean> alive = Map.of(0, true, 1, true, 2, true);
    // Broker 2 was stopped by hand (its process is frozen): Kafka fenced it and shrank the ISRs.
    ClusterHealth health =
        new ClusterHealth(
            Map.of(
                0, new NodeHealth(0, true, true, NodeCondition.SERVING),
                1, new NodeHealth(1, true, true, NodeCondition.SERVING),
                2, new NodeHealth(2, true, true, NodeCondition.STARTING)),
            List.of(
                new PartitionHealth(
                    new TopicPartition("orders", 0), List.of(0, 1, 2), Set.of(0, 1), 2)),
            Optional.of(quorum(0, Set.of(0, 1, 2))));
    Observation seen =
        new Observation(
                desired(spec(3, "4.4.0", Map.of())),
                Optional.of(layout),
                alive,
                Optional.of(Set.of(0, 1)),
                Optional.empty(),
                Set.of(),
                Set.of(),
                true)
            .with(health(health));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).as("no broker is restarted while another is down").isEmpty();
    assertThat(decision.phase()).isEqualTo(ClusterPhase.UPDATING);
    assertThat(decision.message())
        .startsWith("rolling restart: not restarting broker ")
        .contains("orders-0")
        .contains("min.insync.replicas=2");
    assertThat(decision.operation().flatMap(LifecycleOperation::waitingFor)).isPresent();
  }

  @Test
  void theNextNodeWaitsUntilTheRestartedOneIsBackInSync() {
    ClusterLayout layout = layout(3, "4.4.0", 1, Map.of()).withStarted(2);
    ClusterHealth health =
        new ClusterHealth(
            healthy(layout, Set.of()).nodes(),
            List.of(
                new PartitionHealth(
                    new TopicPartition("orders", 0), List.of(0, 1, 2), Set.of(0, 1), 2)),
            Optional.of(quorum(0, Set.of(0, 1, 2))));

    Decision decision =
        ClusterDecider.decide(running(spec(3, "4.4.0", Map.of()), layout).with(health(health)));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.message()).startsWith("rolling restart: waiting for broker 2 to catch up");
    assertThat(decision.operation().map(LifecycleOperation::nodesDone)).contains(1);
  }

  @Test
  void aRollWithoutHealthWaitsForIt() {
    Decision decision =
        ClusterDecider.decide(running(spec(3, "4.4.0", Map.of()), layout(3, "4.4.0", 1, Map.of())));

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.message())
        .isEqualTo("rolling restart: reading partition and quorum health from Kafka");
  }

  @Test
  void anUpgradedClusterHasItsMetadataVersionFinalized() {
    Observation seen =
        running(spec(3, "4.4.0", Map.of()), layout(3, "4.4.0", 0, Map.of()))
            .with(metadata(new MetadataVersionLevels((short) 27, (short) 29)));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.FinalizeMetadataVersion((short) 29));
    assertThat(decision.message())
        .isEqualTo(
            "upgrade to Kafka 4.4.0: every node runs it; finalizing metadata.version level 27 -> 29");
  }

  @Test
  void aFinalizedClusterIsReady() {
    Observation seen =
        running(spec(3, "4.4.0", Map.of()), layout(3, "4.4.0", 0, Map.of()))
            .with(metadata(new MetadataVersionLevels((short) 29, (short) 29)));

    assertThat(ClusterDecider.decide(seen).phase()).isEqualTo(ClusterPhase.READY);
  }

  @Test
  void shrinkingRemovesTheBrokerWithTheLeastData() {
    Observation seen =
        shrinking(4, 5, Map.of(new TopicPartition("orders", 0), List.of(3, 0, 1)))
            .with(shrinking(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 500L, 4, 900L), Set.of(), 10_000L));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).containsExactly(new Step.DrainBroker(3));
    assertThat(decision.operation().map(LifecycleOperation::kind)).contains(OperationKind.SHRINK);
  }

  @Test
  void aBrokerAlreadyCordonedStaysTheOneRemoved() {
    Observation seen =
        shrinking(4, 5, Map.of(new TopicPartition("orders", 0), List.of(4, 0, 1)))
            .with(shrinking(Map.of(3, 5L, 4, 900L), Set.of(4), 10_000L));

    assertThat(ClusterDecider.decide(seen).steps()).containsExactly(new Step.DrainBroker(4));
  }

  @Test
  void aShrinkTheRemainingBrokersCouldNotHoldIsRefused() {
    Observation seen =
        shrinking(3, 4, Map.of(new TopicPartition("orders", 0), List.of(3)))
            .with(shrinking(Map.of(0, 900L, 1, 900L, 2, 900L, 3, 800L), Set.of(), 1_000L));

    Decision decision = ClusterDecider.decide(seen);

    assertThat(decision.steps()).isEmpty();
    assertThat(decision.message())
        .startsWith(
            "cannot remove broker 3: it holds 800 bytes but the 3 brokers that would"
                + " remain have only 300 bytes free");
  }

  private static ClusterSpec spec(int brokers, String version, Map<String, String> config) {
    return new ClusterSpec("orders", ClusterType.DEDICATED, brokers, version, config);
  }

  private static DesiredCluster desired(ClusterSpec spec) {
    return new DesiredCluster("lkc-abc123", spec, 7, false, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A layout at {@code generation} whose nodes all started at generation 0. */
  private static ClusterLayout layout(
      int nodes, String version, long generation, Map<String, String> overrides) {
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
                  controller ? 9200 + id : 0)
              .startedWith(new NodeRevision(version, 0)));
    }
    return new ClusterLayout(
        "lkc-abc123",
        "kafka-cluster-id",
        version,
        "127.0.0.1",
        true,
        new InternalCredentials(InternalCredentials.USERNAME, "secret"),
        Map.of(),
        list,
        new ClusterRevision(generation, overrides, Optional.empty(), OperationKind.RESTART));
  }

  private static Map<Integer, Boolean> alive(int nodes) {
    Map<Integer, Boolean> alive = new HashMap<>();
    for (int id = 0; id < nodes; id++) {
      alive.put(id, true);
    }
    return alive;
  }

  private static Observation running(ClusterSpec spec, ClusterLayout layout) {
    int nodes = layout.nodes().size();
    Set<Integer> all = new java.util.TreeSet<>(alive(nodes).keySet());
    return new Observation(
        desired(spec),
        Optional.of(layout),
        alive(nodes),
        Optional.of(all),
        Optional.empty(),
        Set.of(),
        Set.of(),
        true);
  }

  private static ClusterHealth healthy(ClusterLayout layout, Set<TopicPartition> none) {
    Map<Integer, NodeHealth> nodes = new HashMap<>();
    for (NodeLayout node : layout.nodes()) {
      nodes.put(
          node.nodeId(),
          new NodeHealth(
              node.nodeId(), node.runsBroker(), node.runsController(), NodeCondition.SERVING));
    }
    return new ClusterHealth(
        nodes,
        List.of(
            new PartitionHealth(
                new TopicPartition("orders", 0), List.of(0, 1, 2), Set.of(0, 1, 2), 2)),
        Optional.of(quorum(0, Set.of(0, 1, 2))));
  }

  private static QuorumHealth quorum(int leader, Set<Integer> voters) {
    Map<Integer, VoterHealth> states = new HashMap<>();
    for (int voter : voters) {
      states.put(voter, new VoterHealth(voter, 100, OptionalLong.of(1_000_000L)));
    }
    return new QuorumHealth(leader, states);
  }

  private static LifecycleFacts health(ClusterHealth health) {
    return new LifecycleFacts(
        Optional.of(health),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Set.of(),
        Long.MAX_VALUE);
  }

  private static LifecycleFacts restartOnly(Set<String> keys) {
    return new LifecycleFacts(
        Optional.empty(), Optional.of(keys), Optional.empty(), Map.of(), Set.of(), Long.MAX_VALUE);
  }

  private static LifecycleFacts metadata(MetadataVersionLevels levels) {
    return new LifecycleFacts(
        Optional.empty(),
        Optional.empty(),
        Optional.of(levels),
        Map.of(),
        Set.of(),
        Long.MAX_VALUE);
  }

  /** A ready cluster of {@code nodes} asked to have {@code wanted} brokers. */
  private static Observation shrinking(
      int wanted, int nodes, Map<TopicPartition, List<Integer>> assignments) {
    ClusterLayout layout = layout(nodes, "4.4.0", 0, Map.of());
    return new Observation(
        desired(spec(wanted, "4.4.0", Map.of())),
        Optional.of(layout),
        alive(nodes),
        Optional.of(new java.util.TreeSet<>(alive(nodes).keySet())),
        Optional.of(assignments),
        Set.of(),
        Set.of(),
        true);
  }

  private static LifecycleFacts shrinking(
      Map<Integer, Long> bytes, Set<Integer> cordoned, long diskBytes) {
    return new LifecycleFacts(
        Optional.empty(), Optional.empty(), Optional.empty(), bytes, cordoned, diskBytes);
  }
}
