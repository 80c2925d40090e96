package io.stratus.plugins.tiered.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

class RemoteStorageMetricsTest {

  private static final Map<String, String> PLUGIN_TAGS =
      Map.of(
          "config",
          "remote.log.storage.manager.class.name",
          "class",
          "StratusRemoteStorageManager");
  private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

  @Test
  void ownRegistryReportsOverJmxUnderTheBrokerDomainTaggedWithTheNodeId() throws Exception {
    ObjectName bean =
        new ObjectName("kafka.server:type=remote-storage-manager-metrics,node-id=901");
    ObjectName copyErrors =
        new ObjectName(
            "kafka.server:type=remote-storage-manager-metrics,node-id=901,operation=copy");
    try (RemoteStorageMetrics metrics = RemoteStorageMetrics.onJmx(Optional.of("901"))) {
      metrics.recordUpload(1000, Duration.ofMillis(40));
      metrics.recordUpload(500, Duration.ofMillis(20));
      metrics.recordDownload(300, Duration.ofMillis(5));
      metrics.recordError(StorageOperation.COPY);
      metrics.hit();
      metrics.hit();
      metrics.miss();
      metrics.prefetched();
      metrics.recordDelete();

      assertThat(jmx.getAttribute(bean, "upload-bytes-total")).isEqualTo(1500.0);
      assertThat((double) jmx.getAttribute(bean, "upload-bytes-rate")).isPositive();
      assertThat(jmx.getAttribute(bean, "upload-latency-avg")).isEqualTo(30.0);
      assertThat(jmx.getAttribute(bean, "upload-latency-max")).isEqualTo(40.0);
      assertThat(jmx.getAttribute(bean, "download-bytes-total")).isEqualTo(300.0);
      assertThat(jmx.getAttribute(bean, "download-latency-max")).isEqualTo(5.0);
      assertThat(jmx.getAttribute(bean, "cache-hit-total")).isEqualTo(2.0);
      assertThat(jmx.getAttribute(bean, "cache-miss-total")).isEqualTo(1.0);
      assertThat(jmx.getAttribute(bean, "prefetch-total")).isEqualTo(1.0);
      assertThat(jmx.getAttribute(bean, "delete-total")).isEqualTo(1.0);
      assertThat(jmx.getAttribute(copyErrors, "error-total")).isEqualTo(1.0);
      assertThat(jmx.queryNames(new ObjectName("kafka.server:type=kafka-metrics-count,*"), null))
          .as("the registry's own metric count never shadows the broker's")
          .isEmpty();
    }
    assertThat(jmx.isRegistered(bean)).as("close unregisters").isFalse();
  }

  @Test
  void pluginMetricsTakeOverAndTheOwnRegistryCloses() throws Exception {
    ObjectName bean =
        new ObjectName("kafka.server:type=remote-storage-manager-metrics,node-id=902");
    try (Metrics broker = new Metrics();
        RemoteStorageMetrics metrics = RemoteStorageMetrics.onJmx(Optional.of("902"))) {
      metrics.recordUpload(10, Duration.ofMillis(1));
      assertThat(jmx.isRegistered(bean)).isTrue();

      metrics.usePluginMetrics(new PluginMetricsImpl(broker, PLUGIN_TAGS));
      metrics.recordUpload(1000, Duration.ofMillis(1));
      metrics.recordError(StorageOperation.FETCH);
      metrics.miss();

      assertThat(jmx.isRegistered(bean)).isFalse();
      assertThat(value(broker, "upload-bytes-total", Map.of())).isEqualTo(1000.0);
      assertThat(value(broker, "cache-miss-total", Map.of())).isEqualTo(1.0);
      assertThat(value(broker, "error-total", Map.of("operation", "fetch"))).isEqualTo(1.0);

      metrics.close();
      assertThat(broker.metrics().keySet())
          .as("closing removes the sensors from the broker's registry")
          .noneMatch(name -> name.name().equals("upload-bytes-total"));
    }
  }

  @Test
  void withoutANodeIdTheBeanHasNoNodeTag() throws Exception {
    try (RemoteStorageMetrics metrics = RemoteStorageMetrics.onJmx(Optional.empty())) {
      Set<ObjectName> beans =
          jmx.queryNames(new ObjectName("kafka.server:type=remote-storage-manager-metrics"), null);
      assertThat(beans).hasSize(1);
    }
  }

  private static double value(Metrics broker, String name, Map<String, String> extraTags) {
    Map<String, String> tags = new LinkedHashMap<>(PLUGIN_TAGS);
    tags.putAll(extraTags);
    MetricName metricName = broker.metricName(name, "plugins", "", tags);
    return (double) broker.metric(metricName).metricValue();
  }
}
