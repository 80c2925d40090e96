package io.stratus.plugins.tiered.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * Kafka's {@link PluginMetrics} for this plugin: metrics land in the broker's registry, in group
 * {@code plugins} with the tags Kafka adds for the plugin. Thread-safe.
 */
final class PluginMetricsRegistrar implements MetricsRegistrar {

  private final PluginMetrics pluginMetrics;
  private final List<String> sensors = new CopyOnWriteArrayList<>();

  PluginMetricsRegistrar(PluginMetrics pluginMetrics) {
    this.pluginMetrics = pluginMetrics;
  }

  @Override
  public Sensor sensor(String name) {
    Sensor sensor = pluginMetrics.addSensor(name);
    sensors.add(name);
    return sensor;
  }

  @Override
  public MetricName metricName(String name, String description, Map<String, String> tags) {
    return pluginMetrics.metricName(name, description, new LinkedHashMap<>(tags));
  }

  @Override
  public void close() {
    for (String sensor : sensors) {
      try {
        pluginMetrics.removeSensor(sensor);
      } catch (IllegalStateException | IllegalArgumentException alreadyGone) {
        // Kafka closes plugin metrics itself when it closes the plugin; either order is fine.
      }
    }
    sensors.clear();
  }
}
