package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataDirectoryMatchTest {

  private static final Path DATA = Path.of("/tmp/stratus-bench-123/data");
  private static final DataDirectoryMatch MATCH = new DataDirectoryMatch(DATA);
  private static final long PLATFORM_PID = 100;

  private static final ProcessEntry PLATFORM =
      process(
          PLATFORM_PID, "java", "-cp", "x.jar", "io.stratus.cli.Main", "up", "--data-dir", DATA);
  private static final ProcessEntry SYSTEM_KAFKA =
      process(
          101,
          "java",
          "-Dstratus.node.config=" + DATA + "/system/system/nodes/0/server.properties",
          "kafka.Kafka",
          DATA + "/system/system/nodes/0/server.properties");
  private static final ProcessEntry BROKER =
      process(
          102,
          "/usr/bin/setsid",
          "java",
          "-Dstratus.node.config=" + DATA + "/clusters/lkc-ab12cd/nodes/2/server.properties",
          "kafka.Kafka");
  private static final ProcessEntry STORAGE_TOOL =
      process(103, "java", "kafka.tools.StorageTool", "format", "-c", DATA + "/agent/x.properties");

  @Test
  void matchesEveryProcessThatNamesTheDataDirectory() {
    assertThat(List.of(PLATFORM, SYSTEM_KAFKA, BROKER, STORAGE_TOOL)).allMatch(MATCH::matches);
    assertThat(MATCH.matches(process(104, "tool", "--dir=" + DATA)))
        .as("the directory as an option's value")
        .isTrue();
  }

  @Test
  void leavesOtherProcessesAlone() {
    assertThat(MATCH.matches(process(200, "java", "-jar", "/opt/app.jar"))).isFalse();
    assertThat(MATCH.matches(process(201, "java", "--data-dir", "/tmp/stratus-bench-123/data2")))
        .as("a sibling directory whose name starts the same")
        .isFalse();
    assertThat(
            MATCH.matches(
                process(202, "java", "-Dstratus.node.config=/tmp/stratus-bench-123/data2/x")))
        .as("a file in a sibling directory")
        .isFalse();
    assertThat(MATCH.matches(process(203, "grep", "stratus-bench-123"))).isFalse();
  }

  @Test
  void tellsTheRolesApartByWhereInTheDataDirectoryTheyLive() {
    assertThat(MATCH.roleOf(PLATFORM, PLATFORM_PID)).isEqualTo(ProcessRole.PLATFORM);
    assertThat(MATCH.roleOf(SYSTEM_KAFKA, PLATFORM_PID)).isEqualTo(ProcessRole.SYSTEM_KAFKA);
    assertThat(MATCH.roleOf(BROKER, PLATFORM_PID)).isEqualTo(ProcessRole.TENANT_BROKER);
    assertThat(MATCH.roleOf(STORAGE_TOOL, PLATFORM_PID)).isEqualTo(ProcessRole.OTHER);
  }

  @Test
  void thePlatformIsKnownByItsPidWhateverItsArguments() {
    ProcessEntry platformNamingAClusterFile =
        process(PLATFORM_PID, "java", DATA + "/clusters/lkc-ab12cd/cluster.json");

    assertThat(MATCH.roleOf(platformNamingAClusterFile, PLATFORM_PID))
        .isEqualTo(ProcessRole.PLATFORM);
  }

  @Test
  void aDataDirectoryInsideAFolderNamedSystemDoesNotMakeEveryProcessSystemKafka() {
    Path data = Path.of("/srv/system/clusters/data");
    DataDirectoryMatch match = new DataDirectoryMatch(data);
    ProcessEntry broker =
        process(5, "java", "-Dstratus.node.config=" + data + "/clusters/lkc-x/nodes/0/s.p");

    assertThat(match.roleOf(broker, 1)).isEqualTo(ProcessRole.TENANT_BROKER);
  }

  private static ProcessEntry process(long pid, Object... arguments) {
    return new ProcessEntry(pid, Arrays.stream(arguments).map(String::valueOf).toList());
  }
}
