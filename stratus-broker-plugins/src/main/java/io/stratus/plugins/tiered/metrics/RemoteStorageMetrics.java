package io.stratus.plugins.tiered.metrics;

import io.stratus.plugins.tiered.cache.CacheObserver;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What the tiered-storage plugin measures, and where it reports it.
 *
 * <p>It starts in a registry of its own reported over JMX ({@link #JMX_PREFIX}, type {@link
 * #GROUP}, tag {@code node-id}), because Kafka 4.4 wraps a plugin loaded through {@code
 * remote.log.storage.manager.class.path} in a {@code ClassLoaderAwareRemoteStorageManager} that
 * does not pass on {@code withPluginMetrics}. When Kafka does hand over {@link PluginMetrics},
 * {@link #usePluginMetrics} moves every sensor there and closes the own registry; counts restart at
 * zero, which only matters in the moment after start-up when this happens.
 *
 * <p>Thread-safe: recording never blocks on the switch between registries.
 */
public final class RemoteStorageMetrics implements CacheObserver, AutoCloseable {

  /** The JMX domain of the own registry, the broker's own. */
  public static final String JMX_PREFIX = "kafka.server";

  /** The metric group (the JMX {@code type}) of the own registry. */
  public static final String GROUP = "remote-storage-manager-metrics";

  private MetricsRegistrar registrar;
  private volatile StorageSensors sensors;

  private RemoteStorageMetrics(MetricsRegistrar registrar) {
    this.registrar = registrar;
    this.sensors = new StorageSensors(registrar);
  }

  /** Metrics in a registry of their own, on JMX, tagged with the broker's node id when known. */
  public static RemoteStorageMetrics onJmx(Optional<String> nodeId) {
    Map<String, String> tags = nodeId.map(id -> Map.of("node-id", id)).orElse(Map.of());
    return new RemoteStorageMetrics(new JmxMetricsRegistrar(tags));
  }

  /** Moves every sensor to Kafka's plugin metrics and closes the previous registry. */
  public synchronized void usePluginMetrics(PluginMetrics pluginMetrics) {
    MetricsRegistrar previous = registrar;
    registrar = new PluginMetricsRegistrar(pluginMetrics);
    sensors = new StorageSensors(registrar);
    previous.close();
  }

  /** A segment copy wrote {@code bytes} in {@code latency}. */
  public void recordUpload(long bytes, Duration latency) {
    StorageSensors current = sensors;
    current.uploadBytes.record(bytes);
    current.uploadLatency.record(latency.toNanos() / 1_000_000.0);
  }

  /** One object store read returned {@code bytes} in {@code latency}. */
  public void recordDownload(long bytes, Duration latency) {
    StorageSensors current = sensors;
    current.downloadBytes.record(bytes);
    current.downloadLatency.record(latency.toNanos() / 1_000_000.0);
  }

  /** {@code operation} failed. */
  public void recordError(StorageOperation operation) {
    sensors.errors.get(operation).record();
  }

  /** A segment was deleted. */
  public void recordDelete() {
    sensors.deletes.record();
  }

  @Override
  public void hit() {
    sensors.cacheHits.record();
  }

  @Override
  public void miss() {
    sensors.cacheMisses.record();
  }

  @Override
  public void prefetched() {
    sensors.prefetches.record();
  }

  /** Unregisters every metric. */
  @Override
  public synchronized void close() {
    registrar.close();
  }
}
