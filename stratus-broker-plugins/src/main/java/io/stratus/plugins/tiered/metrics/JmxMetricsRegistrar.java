package io.stratus.plugins.tiered.metrics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

/**
 * The plugin's own {@link Metrics} registry, reported over JMX as {@code
 * kafka.server:type=remote-storage-manager-metrics,node-id=N[,operation=O]}. Thread-safe.
 */
final class JmxMetricsRegistrar implements MetricsRegistrar {

  private final Metrics metrics;

  JmxMetricsRegistrar(Map<String, String> tags) {
    JmxReporter reporter = new JmxReporter();
    // Metrics registers its own "kafka-metrics-count"; keep it off JMX so it can never replace the
    // broker's bean of that name.
    reporter.configure(
        Map.of(
            JmxReporter.EXCLUDE_CONFIG,
            RemoteStorageMetrics.JMX_PREFIX + ":type=kafka-metrics-count.*"));
    this.metrics =
        new Metrics(
            new MetricConfig().tags(tags),
            List.of(reporter),
            Time.SYSTEM,
            new KafkaMetricsContext(RemoteStorageMetrics.JMX_PREFIX));
  }

  @Override
  public Sensor sensor(String name) {
    return metrics.sensor(name);
  }

  @Override
  public MetricName metricName(String name, String description, Map<String, String> tags) {
    return metrics.metricName(name, RemoteStorageMetrics.GROUP, description, tags);
  }

  @Override
  public void close() {
    metrics.close();
  }
}
