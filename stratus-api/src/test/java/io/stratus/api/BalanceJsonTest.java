package io.stratus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalanceJsonTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static BalanceStatus moving() {
    PlanSummary plan =
        new PlanSummary(
            "plan-7",
            "broker 3 added",
            false,
            NOW,
            4,
            2,
            1_000_000,
            35,
            Map.of("replicas", new LoadSpread(6, 4.5)),
            Map.of("replicas", new LoadSpread(5, 4.5)),
            4,
            List.of(new PartitionReassignment("orders", 0, List.of(0, 1), List.of(3, 1))));
    BalanceProgress progress =
        new BalanceProgress(
            "plan-7",
            "moving replicas",
            4,
            2,
            2,
            0,
            1_000_000,
            500_000,
            50,
            List.of(new PartitionReassignment("orders", 1, List.of(1, 2), List.of(3, 2))),
            NOW,
            Optional.empty());
    return new BalanceStatus(
        BalanceState.MOVING,
        BalancingMode.EMPTY_BROKER,
        "moving 2 of 4 partitions",
        List.of(new BrokerBalance(0, "ALIVE", 6, 3, 4096, 1024.5, 2048)),
        List.of(new GoalStatus("ReplicaDistribution", false, false, 1, "broker 0 holds 6")),
        Optional.of(plan),
        Optional.of(progress),
        Optional.of("br-abc"),
        NOW);
  }

  @Test
  void balanceReportsRoundTripUnderTheirOwnKey() throws JsonProcessingException {
    StatusEvent event = new StatusEvent.BalanceReported("lkc-abc123", moving(), NOW);

    String json = StratusJson.mapper().writeValueAsString(event);

    assertThat(event.resourceKey()).isEqualTo("balance/lkc-abc123");
    assertThat(json)
        .contains("\"type\":\"balance\"")
        .contains("\"state\":\"MOVING\"")
        .contains("\"mode\":\"empty-broker\"")
        .contains("\"spreadBefore\":{\"replicas\":{\"max\":6.0,\"mean\":4.5}}")
        .contains("\"from\":[0,1],\"to\":[3,1]")
        .contains("\"finishedAt\":null");
    assertThat(StratusJson.mapper().readValue(json, StatusEvent.class)).isEqualTo(event);
  }

  @Test
  void balanceRequestsRoundTripUnderAKeyOutsideTheClustersOwn() throws JsonProcessingException {
    DesiredEvent event =
        new DesiredEvent.BalanceRequested("lkc-abc123", "br-1", BalanceAction.REBALANCE, NOW);

    String json = StratusJson.mapper().writeValueAsString(event);

    assertThat(event.resourceKey())
        .isEqualTo("balance-request/lkc-abc123")
        .doesNotStartWith(DesiredEvent.clusterKey(""));
    assertThat(json).contains("\"type\":\"balance-request\"").contains("\"action\":\"rebalance\"");
    assertThat(StratusJson.mapper().readValue(json, DesiredEvent.class)).isEqualTo(event);
  }

  @Test
  void aSpecWrittenBeforeBalancingExistedGetsTheDefaultMode() throws JsonProcessingException {
    String old =
        "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":3,\"kafkaVersion\":\"4.4.0\","
            + "\"config\":{}}";

    ClusterSpec spec = StratusJson.mapper().readValue(old, ClusterSpec.class);

    assertThat(spec.balancing().mode()).isEqualTo(BalancingMode.ANY_UNEVEN_LOAD);
    assertThat(spec)
        .isEqualTo(new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of()));
  }

  @Test
  void theBalancingModeIsWrittenInLowerCaseWithDashes() throws JsonProcessingException {
    ClusterSpec spec =
        new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of())
            .withBalancing(new BalancingSpec(BalancingMode.OFF));

    JsonNode json = StratusJson.mapper().valueToTree(spec);

    assertThat(json.at("/balancing/mode").asText()).isEqualTo("off");
    assertThat(StratusJson.mapper().treeToValue(json, ClusterSpec.class)).isEqualTo(spec);
    assertThat(BalancingMode.allowedWireNames()).isEqualTo("off, empty-broker, any-uneven-load");
    assertThat(BalancingMode.fromWireName("any-uneven-load"))
        .contains(BalancingMode.ANY_UNEVEN_LOAD);
    assertThat(BalancingMode.fromWireName("ANY_UNEVEN_LOAD")).isEmpty();
  }

  @Test
  void anUnknownModeIsRejectedNamingTheAllowedOnes() {
    assertThatThrownBy(
            () -> StratusJson.mapper().readValue("{\"mode\":\"always\"}", BalancingSpec.class))
        .hasMessageContaining("always")
        .hasMessageContaining("allowed: off, empty-broker, any-uneven-load");
  }

  @Test
  void changingOtherFieldsKeepsTheBalancing() {
    ClusterSpec off =
        new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of())
            .withBalancing(new BalancingSpec(BalancingMode.OFF));

    assertThat(off.withBrokers(5).balancing().mode()).isEqualTo(BalancingMode.OFF);
    assertThat(off.withKafkaVersion("4.3.1").balancing().mode()).isEqualTo(BalancingMode.OFF);
  }

  @Test
  void aPlanSummaryListsAtMostFiftyMoves() {
    List<PartitionReassignment> many =
        IntStream.range(0, 80)
            .mapToObj(p -> new PartitionReassignment("orders", p, List.of(0), List.of(1)))
            .toList();

    PlanSummary plan =
        new PlanSummary("p", "requested", true, NOW, 80, 0, 0, 1, Map.of(), Map.of(), 80, many);

    assertThat(plan.moves()).hasSize(PlanSummary.MAX_MOVES);
    assertThat(plan.moves().get(49).partition()).isEqualTo(49);
    assertThat(plan.partitionsChanged()).isEqualTo(80);
  }

  @Test
  void progressPercentStaysWithinZeroAndAHundred() {
    assertThat(progress(-5).percent()).isZero();
    assertThat(progress(250).percent()).isEqualTo(100);
    assertThat(progress(42).percent()).isEqualTo(42);
  }

  @Test
  void aClusterWithoutReportIsCollecting() {
    BalanceStatus status = BalanceStatus.notReported(BalancingMode.OFF, NOW);

    assertThat(status.state()).isEqualTo(BalanceState.COLLECTING);
    assertThat(status.mode()).isEqualTo(BalancingMode.OFF);
    assertThat(status.message()).isEqualTo("no balancer report from the data plane yet");
    assertThat(status.brokers()).isEmpty();
    assertThat(status.lastPlan()).isEmpty();
    assertThat(status.handledRequest()).isEmpty();
  }

  @Test
  void actionsHaveLowerCaseWireNames() throws JsonProcessingException {
    assertThat(BalanceAction.allowedWireNames()).isEqualTo("plan, rebalance, stop");
    assertThat(StratusJson.mapper().writeValueAsString(BalanceAction.PLAN)).isEqualTo("\"plan\"");
    assertThat(BalanceAction.fromWireName("stop")).contains(BalanceAction.STOP);
    assertThat(BalanceAction.fromWireName("STOP")).isEmpty();
  }

  @Test
  void balanceRequestIdsHaveTheirForm() {
    Random random = new Random(7);
    for (int i = 0; i < 100; i++) {
      assertThat(Identifiers.newBalanceRequestId(random)).matches("br-[a-z0-9]{12}");
    }
  }

  private static BalanceProgress progress(int percent) {
    return new BalanceProgress(
        "p", "moving", 1, 0, 0, 0, 0, 0, percent, List.of(), NOW, Optional.empty());
  }
}
