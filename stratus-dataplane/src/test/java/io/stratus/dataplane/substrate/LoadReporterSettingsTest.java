package io.stratus.dataplane.substrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.balancer.monitor.MonitorSettings;
import io.stratus.plugins.metrics.LoadReporterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReporterSettingsTest {

  @TempDir Path plugins;

  @Test
  void thePluginsOwnJarIsFoundAmongItsDependencies() throws Exception {
    Files.createFile(plugins.resolve("jackson-databind-2.21.7.jar"));
    Files.createFile(plugins.resolve("stratus-broker-plugins-0.1.0-SNAPSHOT-tests.jar"));
    Path jar = Files.createFile(plugins.resolve("stratus-broker-plugins-0.1.0-SNAPSHOT.jar"));

    assertThat(new LoadReporterSettings(plugins, Duration.ofSeconds(10)).pluginJar())
        .isEqualTo(jar.toAbsolutePath().normalize());
  }

  @Test
  void aMissingJarOrDirectorySaysHowToBuildIt() {
    assertThatThrownBy(() -> new LoadReporterSettings(plugins, Duration.ofSeconds(1)).pluginJar())
        .isInstanceOf(SubstrateException.class)
        .hasMessageContaining("is not in " + plugins)
        .hasMessageContaining("mvn");
    assertThatThrownBy(
            () ->
                new LoadReporterSettings(plugins.resolve("absent"), Duration.ofSeconds(1))
                    .pluginJar())
        .isInstanceOf(SubstrateException.class);
  }

  @Test
  void brokersPublishWhereTheMonitorReads() {
    assertThat(LoadReporterConfig.DEFAULT_TOPIC)
        .isEqualTo(MonitorSettings.DEFAULT_SAMPLES_TOPIC)
        .isEqualTo("__stratus_partition_load");
    // Looked up as a resource: loading the class here would need the broker's metrics classes.
    assertThat(
            getClass()
                .getClassLoader()
                .getResource(LoadReporterSettings.REPORTER_CLASS.replace('.', '/') + ".class"))
        .as("the reporter class brokers are told to load exists")
        .isNotNull();
  }
}
