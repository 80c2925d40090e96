package io.stratus.dataplane.substrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.api.StratusJson;
import java.util.EnumSet;
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
    var tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) StratusJson.mapper().valueToTree(layout);
    tree.remove("revision");
    tree.withArray("nodes")
        .forEach(node -> ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("started"));
    String legacy = StratusJson.mapper().writeValueAsString(tree);
    assertThat(legacy).doesNotContain("revision").doesNotContain("started");

    ClusterLayout read = StratusJson.mapper().readValue(legacy, ClusterLayout.class);

    assertThat(read.revision().generation()).isZero();
    assertThat(read.dueRestart()).as("nodes of an old layout run what it says").isEmpty();
  }
}
