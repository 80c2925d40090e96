package io.stratus.dataplane.substrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.api.StratusJson;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterLayoutTest {

  private final ClusterLayout layout = TestLayouts.fourNodes(true);

  @Test
  void bootstrapListsTheClientListenerOfEveryBroker() {
    assertThat(layout.bootstrap())
        .isEqualTo("127.0.0.1:9100,127.0.0.1:9101,127.0.0.1:9102,127.0.0.1:9103");
    assertThat(layout.internalBootstrap())
        .isEqualTo("127.0.0.1:9200,127.0.0.1:9201,127.0.0.1:9202,127.0.0.1:9203");
  }

  @Test
  void bootstrapIsEmptyWithoutTenantListener() {
    assertThat(TestLayouts.fourNodes(false).bootstrap()).isEmpty();
  }

  @Test
  void quorumVotersAreTheControllersOnTheirControllerPorts() {
    assertThat(layout.quorumVoters())
        .isEqualTo("0@127.0.0.1:9300,1@127.0.0.1:9301,2@127.0.0.1:9302");
    assertThat(layout.controllers()).extracting(NodeLayout::nodeId).containsExactly(0, 1, 2);
    assertThat(layout.brokers()).extracting(NodeLayout::nodeId).containsExactly(0, 1, 2, 3);
  }

  @Test
  void nodesAreAddedAndRemovedByIdAndKeptInOrder() {
    NodeLayout added = new NodeLayout(layout.nextNodeId(), EnumSet.of(NodeRole.BROKER), 1, 2, 0);
    ClusterLayout grown = layout.withNode(added);

    assertThat(added.nodeId()).isEqualTo(4);
    assertThat(grown.node(4)).contains(added);
    assertThat(grown.withoutNode(3).nodes())
        .extracting(NodeLayout::nodeId)
        .containsExactly(0, 1, 2, 4);
    assertThat(grown.withoutNode(3).nextNodeId())
        .as("ids are not reused while higher ones live")
        .isEqualTo(5);
    assertThatThrownBy(() -> layout.withNode(added).withNode(added))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node 4 twice");
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    String json = StratusJson.mapper().writeValueAsString(layout);

    assertThat(StratusJson.mapper().readValue(json, ClusterLayout.class)).isEqualTo(layout);
    assertThat(json).doesNotContain("bootstrap").doesNotContain("runsBroker");
  }

  @Test
  void toStringHidesTheInternalPassword() {
    assertThat(layout.toString())
        .doesNotContain(TestLayouts.CREDENTIALS.password())
        .contains("***");
  }

  @Test
  void nodePortsMustMatchRoles() {
    assertThatThrownBy(() -> new NodeLayout(3, EnumSet.of(NodeRole.BROKER), 0, 9203, 9303))
        .hasMessageContaining("controllerPort must be 0");
    assertThatThrownBy(
            () -> new NodeLayout(0, EnumSet.of(NodeRole.BROKER, NodeRole.CONTROLLER), 0, 9200, 0))
        .hasMessageContaining("controllerPort must be a port number");
  }

  @Test
  void generatedPasswordsAreSafeInJaasAndDiffer() {
    var random = new java.util.Random(42);
    var first = InternalCredentials.generate(random);
    var second = InternalCredentials.generate(random);

    assertThat(first.password()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(second.password());
    assertThat(first.username()).isEqualTo("stratus-internal");
    assertThatThrownBy(() -> new InternalCredentials("u", "has\"quote"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void planRejectsNoBrokers() {
    assertThatThrownBy(() -> new ClusterPlan("lkc-abc123", 0, "4.4.0", Map.of(), true))
        .hasMessageContaining("brokers must be at least 1");
    assertThat(new ClusterPlan("lkc-abc123", 1, "4.4.0", null, true).configOverrides()).isEmpty();
    assertThat(List.of(NodeProcess.stopped(1).alive(), NodeProcess.running(1, 7).alive()))
        .containsExactly(false, true);
  }
}
