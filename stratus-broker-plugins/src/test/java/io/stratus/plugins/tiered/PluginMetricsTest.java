package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginMetricsTest {

  @TempDir Path root;

  @Test
  void metricsMoveToPluginMetricsWhenKafkaHandsThemOver() throws Exception {
    try (Metrics broker = new Metrics();
        RsmHarness harness = RsmHarness.start(root)) {
      assertThat(harness.metric("upload-bytes-total")).isZero();

      harness.rsm.withPluginMetrics(
          new PluginMetricsImpl(
              broker,
              Map.of("config", "remote.log.storage.manager.class.name", "class", "Stratus")));
      TestSegment segment =
          TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 5, true);
      RemoteLogSegmentMetadata metadata = segment.metadata();
      harness.rsm.copyLogSegmentData(metadata, segment.data());

      assertThatThrownBy(() -> harness.metric("upload-bytes-total"))
          .as("the own JMX registry is closed")
          .isInstanceOf(AssertionError.class);
      double uploaded =
          (double)
              broker
                  .metric(
                      broker.metricName(
                          "upload-bytes-total",
                          "plugins",
                          "",
                          Map.of(
                              "config",
                              "remote.log.storage.manager.class.name",
                              "class",
                              "Stratus")))
                  .metricValue();
      assertThat(uploaded).isGreaterThan(0);
    }
  }
}
