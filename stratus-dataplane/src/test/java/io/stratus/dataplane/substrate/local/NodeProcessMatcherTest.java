package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NodeProcessMatcherTest {

  private static final NodePaths NODE = new NodePaths(Path.of("/data/clusters/lkc-abc123/nodes/1"));

  private static String brokerCommandLine(NodePaths node) {
    return String.join(
        " ",
        BrokerCommand.broker(
            Optional.empty(), Path.of("/usr/bin/java"), 384, "/kafka/4.4.0/libs/*", node));
  }

  @Test
  void aLiveProcessLaunchedForTheNodeIsTheNodes() {
    var process = new ProcessSnapshot(42, true, Optional.of(brokerCommandLine(NODE)));

    assertThat(NodeProcessMatcher.isNodeProcess(process, NODE.serverProperties())).isTrue();
  }

  @Test
  void aDeadProcessIsNot() {
    var process = new ProcessSnapshot(42, false, Optional.of(brokerCommandLine(NODE)));

    assertThat(NodeProcessMatcher.isNodeProcess(process, NODE.serverProperties())).isFalse();
    assertThat(NodeProcessMatcher.isNodeProcess(ProcessSnapshot.gone(42), NODE.serverProperties()))
        .isFalse();
  }

  @Test
  void aProcessThatReusedThePidIsNot() {
    var process = new ProcessSnapshot(42, true, Optional.of("/usr/bin/vim server.properties"));

    assertThat(NodeProcessMatcher.isNodeProcess(process, NODE.serverProperties())).isFalse();
  }

  @Test
  void anotherNodesBrokerIsNotEvenWhenItsPathContainsThisOne() {
    var node11 = new NodePaths(Path.of("/data/clusters/lkc-abc123/nodes/11"));
    var otherRoot = new NodePaths(Path.of("/old/data/clusters/lkc-abc123/nodes/1"));

    assertThat(
            NodeProcessMatcher.isNodeProcess(
                new ProcessSnapshot(42, true, Optional.of(brokerCommandLine(node11))),
                NODE.serverProperties()))
        .isFalse();
    assertThat(
            NodeProcessMatcher.isNodeProcess(
                new ProcessSnapshot(42, true, Optional.of(brokerCommandLine(otherRoot))),
                NODE.serverProperties()))
        .isFalse();
  }

  @Test
  void aCommandLineTruncatedByTheOperatingSystemStillMatches() {
    String truncated = brokerCommandLine(NODE).substring(0, 120);
    var process = new ProcessSnapshot(42, true, Optional.of(truncated));

    assertThat(NodeProcessMatcher.isNodeProcess(process, NODE.serverProperties())).isTrue();
  }

  @Test
  void anUnknownCommandLineDoesNotMatch() {
    var process = new ProcessSnapshot(42, true, Optional.empty());

    assertThat(NodeProcessMatcher.isNodeProcess(process, NODE.serverProperties())).isFalse();
  }

  @Test
  void pidFileContentIsOnePositiveNumber() {
    assertThat(PidFile.parse("1234\n")).isEqualTo(OptionalLong.of(1234));
    assertThat(PidFile.parse(" 99 ")).isEqualTo(OptionalLong.of(99));
    assertThat(PidFile.parse("")).isEmpty();
    assertThat(PidFile.parse("0")).isEmpty();
    assertThat(PidFile.parse("-5")).isEmpty();
    assertThat(PidFile.parse("12 34")).isEmpty();
    assertThat(PidFile.parse("99999999999999999999")).isEmpty();
  }
}
