package io.stratus.plugins.tiered.metrics;

import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Meter;
import org.apache.kafka.common.metrics.stats.WindowedCount;

/**
 * The plugin's sensors, registered in one {@link MetricsRegistrar}. Thread-safe (as sensors are).
 */
final class StorageSensors {

  private static final String SENSOR_PREFIX = "stratus-rsm.";

  final Sensor uploadBytes;
  final Sensor uploadLatency;
  final Sensor downloadBytes;
  final Sensor downloadLatency;
  final Sensor cacheHits;
  final Sensor cacheMisses;
  final Sensor prefetches;
  final Sensor deletes;
  final Map<StorageOperation, Sensor> errors = new EnumMap<>(StorageOperation.class);

  StorageSensors(MetricsRegistrar registrar) {
    uploadBytes = bytes(registrar, "upload-bytes", "written to the object store");
    uploadLatency = latency(registrar, "upload-latency", "to copy one segment");
    downloadBytes = bytes(registrar, "download-bytes", "read from the object store");
    downloadLatency = latency(registrar, "download-latency", "of one object store read");
    cacheHits = count(registrar, "cache-hit", "chunk reads served from the local cache");
    cacheMisses = count(registrar, "cache-miss", "chunk reads that waited for a download");
    prefetches = count(registrar, "prefetch", "chunks downloaded ahead of being read");
    deletes = count(registrar, "delete", "segments deleted");
    for (StorageOperation operation : StorageOperation.values()) {
      Sensor sensor = registrar.sensor(SENSOR_PREFIX + "errors." + operation.tagValue());
      Map<String, String> tags = Map.of("operation", operation.tagValue());
      sensor.add(
          new Meter(
              new WindowedCount(),
              registrar.metricName(
                  "error-rate", "Failed " + operation.tagValue() + "s per second", tags),
              registrar.metricName("error-total", "Failed " + operation.tagValue() + "s", tags)));
      errors.put(operation, sensor);
    }
  }

  private static Sensor bytes(MetricsRegistrar registrar, String name, String what) {
    Sensor sensor = registrar.sensor(SENSOR_PREFIX + name);
    sensor.add(
        new Meter(
            registrar.metricName(name + "-rate", "Bytes per second " + what, Map.of()),
            registrar.metricName(name + "-total", "Bytes " + what, Map.of())));
    return sensor;
  }

  private static Sensor latency(MetricsRegistrar registrar, String name, String what) {
    Sensor sensor = registrar.sensor(SENSOR_PREFIX + name);
    sensor.add(
        registrar.metricName(name + "-avg", "Average milliseconds " + what, Map.of()), new Avg());
    sensor.add(
        registrar.metricName(name + "-max", "Most milliseconds " + what, Map.of()), new Max());
    return sensor;
  }

  private static Sensor count(MetricsRegistrar registrar, String name, String what) {
    Sensor sensor = registrar.sensor(SENSOR_PREFIX + name);
    sensor.add(
        new Meter(
            new WindowedCount(),
            registrar.metricName(name + "-rate", "Per second: " + what, Map.of()),
            registrar.metricName(name + "-total", "Total: " + what, Map.of())));
    return sensor;
  }
}
