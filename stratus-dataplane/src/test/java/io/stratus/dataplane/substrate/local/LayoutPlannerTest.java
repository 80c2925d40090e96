package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeRole;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class LayoutPlannerTest {

  private static final Uuid KAFKA_ID = new Uuid(1234L, 5678L);

  private final LayoutPlanner planner = new LayoutPlanner(new Random(7), () -> KAFKA_ID);

  @Test
  void fiveBrokersHaveThreeCombinedNodesAndTwoBrokerOnlyNodes() {
    ClusterLayout layout = planner.plan(plan(5, true), "127.0.0.1", counter());

    assertThat(layout.nodes()).extracting(NodeLayout::nodeId).containsExactly(0, 1, 2, 3, 4);
    assertThat(layout.controllers()).extracting(NodeLayout::nodeId).containsExactly(0, 1, 2);
    assertThat(layout.node(3).orElseThrow().roles()).containsExactly(NodeRole.BROKER);
    assertThat(layout.node(3).orElseThrow().controllerPort()).isZero();
    assertThat(layout.kafkaClusterId()).isEqualTo(KAFKA_ID.toString());
    assertThat(layout.brokerConfig()).containsEntry("default.replication.factor", "3");
  }

  @Test
  void fewerThanThreeBrokersHaveOneController() {
    assertThat(planner.plan(plan(1, true), "127.0.0.1", counter()).controllers()).hasSize(1);
    ClusterLayout two = planner.plan(plan(2, true), "127.0.0.1", counter());
    assertThat(two.controllers()).extracting(NodeLayout::nodeId).containsExactly(0);
    assertThat(two.node(1).orElseThrow().roles()).isEqualTo(Set.of(NodeRole.BROKER));
    assertThat(two.brokerConfig()).containsEntry("min.insync.replicas", "2");
  }

  @Test
  void everyPortIsDistinctAndClientPortsOnlyWithTenantListener() {
    ClusterLayout withClients = planner.plan(plan(4, true), "10.1.2.3", counter());
    ClusterLayout internalOnly = planner.plan(plan(4, false), "10.1.2.3", counter());

    assertThat(ports(withClients)).doesNotHaveDuplicates().hasSize(4 + 4 + 3);
    assertThat(withClients.bootstrap()).startsWith("10.1.2.3:");
    assertThat(internalOnly.nodes()).allSatisfy(node -> assertThat(node.clientPort()).isZero());
  }

  @Test
  void nextBrokerIsBrokerOnlyWithTheNextIdAndFreshPorts() {
    ClusterLayout layout = planner.plan(plan(3, true), "127.0.0.1", counter());

    NodeLayout added = LayoutPlanner.nextBroker(layout, () -> 40000);

    assertThat(added.nodeId()).isEqualTo(3);
    assertThat(added.roles()).containsExactly(NodeRole.BROKER);
    assertThat(added.clientPort()).isEqualTo(40000);
    assertThat(added.controllerPort()).isZero();
  }

  @Test
  void sameSeedSamePassword() {
    var first =
        new LayoutPlanner(new Random(3), () -> KAFKA_ID).plan(plan(1, true), "h", counter());
    var second =
        new LayoutPlanner(new Random(3), () -> KAFKA_ID).plan(plan(1, true), "h", counter());

    assertThat(first.internalCredentials()).isEqualTo(second.internalCredentials());
  }

  private static ClusterPlan plan(int brokers, boolean tenantListener) {
    return new ClusterPlan("lkc-abc123", brokers, "4.4.0", Map.of(), tenantListener);
  }

  private static IntSupplier counter() {
    int[] next = {20000};
    return () -> next[0]++;
  }

  private static java.util.List<Integer> ports(ClusterLayout layout) {
    return layout.nodes().stream()
        .flatMap(node -> Stream.of(node.clientPort(), node.internalPort(), node.controllerPort()))
        .filter(port -> port > 0)
        .toList();
  }
}
