package io.stratus.plugins.tiered.metrics;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;

/** Where the plugin's sensors are registered: its own JMX registry, or Kafka's plugin metrics. */
sealed interface MetricsRegistrar permits JmxMetricsRegistrar, PluginMetricsRegistrar {

  /** A new sensor named {@code name} (unique within the registry). */
  Sensor sensor(String name);

  /** The name of a metric with {@code tags} in addition to the registry's own. */
  MetricName metricName(String name, String description, Map<String, String> tags);

  /** Unregisters everything this registrar registered. */
  void close();
}
