package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.SubstrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a local substrate refuses before it runs anything. */
class LocalSubstrateTest {

  @TempDir Path temp;

  private LocalSubstrate substrate() throws Exception {
    Path home = temp.resolve("kafka");
    Files.createDirectories(home.resolve("4.4.0/libs"));
    Files.createFile(home.resolve("4.4.0/libs/kafka.jar"));
    Files.createDirectories(home.resolve("3.9.1/libs"));
    Files.createFile(home.resolve("3.9.1/libs/kafka.jar"));
    Files.createDirectories(home.resolve("empty/libs"));
    return new LocalSubstrate(temp.resolve("clusters"), LocalSubstrateOptions.defaults(home));
  }

  @Test
  void aMissingKafkaVersionIsNamedWithTheInstalledOnes() throws Exception {
    var substrate = substrate();

    assertThatThrownBy(
            () -> substrate.provision(new ClusterPlan("lkc-abc123", 3, "9.9.9", Map.of(), true)))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("Kafka 9.9.9 is not installed")
        .hasMessageContaining("installed versions: [3.9.1, 4.4.0]");
    assertThat(substrate.clusters()).isEmpty();
  }

  @Test
  void clusterIdsMustBeDnsLabels() throws Exception {
    var substrate = substrate();

    assertThatThrownBy(() -> substrate.layout("../etc"))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("not a DNS label");
  }

  @Test
  void unknownClustersAreReportedWithWhatToDo() throws Exception {
    var substrate = substrate();

    assertThat(substrate.layout("lkc-nope00")).isEmpty();
    assertThatThrownBy(() -> substrate.start("lkc-nope00", 0))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("cluster lkc-nope00 does not exist")
        .hasMessageContaining("provision it first");
    substrate.delete("lkc-nope00");
    substrate.stopAll(Duration.ZERO);
  }

  @Test
  void brokerHeapIsCapped() {
    var defaults = LocalSubstrateOptions.defaults(temp);

    assertThat(defaults.brokerHeapMb()).isEqualTo(384);
    assertThat(defaults.clientHost()).isEqualTo("127.0.0.1");
    assertThat(defaults.javaExecutable().toString()).endsWith("java");
    assertThatThrownBy(() -> defaults.withBrokerHeapMb(1024))
        .hasMessageContaining("broker heap must be 128 to 512 MiB");
  }

  @Test
  void aPluginDirectoryWithoutThePluginJarIsRefusedBeforeAnyBrokerStarts() throws Exception {
    Path home = temp.resolve("kafka");
    Files.createDirectories(home.resolve("4.4.0/libs"));
    Path plugins = Files.createDirectories(temp.resolve("plugin"));
    Files.createFile(plugins.resolve("zstd-jni-1.5.7-17.jar"));
    var options = LocalSubstrateOptions.defaults(home).withPluginDirectory(plugins);

    assertThatThrownBy(() -> new LocalSubstrate(temp.resolve("clusters"), options))
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("stratus-broker-plugins-*.jar")
        .hasMessageContaining(plugins.toString());
  }

  @Test
  void loadReportingIsOffWithoutAPluginDirectoryAndEverySecondIsAllowed() {
    var defaults = LocalSubstrateOptions.defaults(temp);

    assertThat(defaults.pluginDirectory()).isEmpty();
    assertThat(defaults.loadReporter()).isEmpty();
    var reporting =
        defaults.withPluginDirectory(temp).withLoadReportInterval(Duration.ofSeconds(1));
    assertThat(reporting.loadReporter())
        .hasValueSatisfying(
            settings -> assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(1)));
    assertThat(reporting.withBrokerHeapMb(256).loadReporter()).isEqualTo(reporting.loadReporter());
    assertThatThrownBy(() -> reporting.withLoadReportInterval(Duration.ofMillis(10)))
        .hasMessageContaining("load report interval must be at least 100 ms");
  }
}
