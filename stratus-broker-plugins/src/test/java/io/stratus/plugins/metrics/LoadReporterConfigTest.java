package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class LoadReporterConfigTest {

  @Test
  void readsItsPrefixedKeysOutOfTheBrokersConfiguration() {
    var broker = new HashMap<String, Object>();
    broker.put("node.id", "2");
    broker.put("log.dirs", "/data");
    broker.put("stratus.load.reporter.bootstrap.servers", "127.0.0.1:9201");
    broker.put("stratus.load.reporter.security.protocol", "SASL_PLAINTEXT");
    broker.put("stratus.load.reporter.sasl.mechanism", "PLAIN");
    broker.put("stratus.load.reporter.sasl.jaas.config", "login;");
    broker.put("stratus.load.reporter.interval.ms", "1000");

    var config = new LoadReporterConfig(broker);

    assertThat(config.nodeId()).contains(2);
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.topic()).isEqualTo("__stratus_partition_load");
    Map<String, Object> client = config.clientConfig();
    assertThat(client)
        .containsEntry("bootstrap.servers", "127.0.0.1:9201")
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", new Password("login;"))
        .hasSize(4);
  }

  @Test
  void defaultsAreTenSecondsAndThePlatformsTopic() {
    var config =
        new LoadReporterConfig(
            Map.of("broker.id", 5, "stratus.load.reporter.bootstrap.servers", "h:1"));

    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.topic()).isEqualTo(LoadReporterConfig.DEFAULT_TOPIC);
    assertThat(config.nodeId()).contains(5);
    assertThat(config.clientConfig()).doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void withoutBootstrapServersOrWithATinyIntervalItNamesTheKey() {
    assertThatThrownBy(() -> new LoadReporterConfig(Map.of("node.id", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stratus.load.reporter.bootstrap.servers");
    assertThatThrownBy(
            () ->
                new LoadReporterConfig(
                    Map.of(
                        "stratus.load.reporter.bootstrap.servers", "h:1",
                        "stratus.load.reporter.interval.ms", "5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stratus.load.reporter.interval.ms");
  }
}
