package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Tiered storage with {@code stratus up}'s default object store: a directory in the data directory,
 * not encrypted (the data stays on this machine).
 */
class FileTieredStorageE2E extends TieredStorageScenario {

  @Test
  @Order(20)
  void brokersReportUploadsDownloadsAndCacheHitsAsMetrics() throws Exception {
    Map<String, Double> totals = new TreeMap<>();
    for (int node = 0; node < 3; node++) {
      long pid = Long.parseLong(Files.readString(nodeDirectory(node).resolve("node.pid")).trim());
      BrokerJmx.read(pid, "kafka.server:type=remote-storage-manager-metrics,*")
          .forEach(
              (name, value) ->
                  totals.merge(name.substring(name.lastIndexOf(' ') + 1), value, Double::sum));
    }
    System.out.printf("tiered-storage metrics summed over the brokers: %s%n", totals);
    assertThat(totals)
        .as("the plugin's metrics on the brokers' JMX")
        .containsKeys(
            "upload-bytes-total",
            "upload-latency-avg",
            "download-bytes-total",
            "download-latency-avg",
            "cache-hit-total",
            "cache-miss-total",
            "error-total");
    // Counters restart with a broker (broker 1 was restarted), so only their being counted is
    // certain here.
    assertThat(totals.get("upload-bytes-total")).isPositive();
    assertThat(totals.get("download-bytes-total")).isPositive();
    assertThat(totals.get("cache-hit-total") + totals.get("cache-miss-total")).isPositive();
  }

  @Override
  List<String> objectStoreArguments() {
    return List.of();
  }

  @Override
  Map<String, String> objectStoreEnvironment() {
    return Map.of();
  }

  @Override
  Map<String, Long> storedObjects() throws Exception {
    Path root = data.resolve("object-store").resolve("clusters").resolve(clusterId);
    Map<String, Long> objects = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return objects;
    }
    for (Path file : filesUnder(root)) {
      objects.put(root.relativize(file).toString(), Files.size(file));
    }
    return objects;
  }
}
