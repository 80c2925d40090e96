package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.LoadReporterSettings;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LocalSubstrate} runs brokers.
 *
 * @param kafkaHome the directory holding one {@code <version>/libs/*.jar} per installed Kafka
 *     version
 * @param javaExecutable the {@code java} that runs brokers and Kafka's storage tool
 * @param brokerHeapMb each node's maximum heap in MiB, from {@value #MIN_BROKER_HEAP_MB} to {@value
 *     #MAX_BROKER_HEAP_MB}
 * @param clientHost the host the tenant listener binds to and advertises
 * @param stopGrace how long {@link LocalSubstrate#close()} and {@link LocalSubstrate#delete} wait
 *     for a node to shut down before killing it
 * @param tieredStorage how clusters tier closed segments to object storage; empty for none
 * @param brokerEnvironment variables added to the environment brokers inherit (for example the
 *     object store's credentials, when they are not in the platform's own environment)
 * @param pluginDirectory the broker plugin's directory ({@code
 *     stratus-broker-plugins/target/plugin}), independent of tiered storage: when present, brokers
 *     run the load reporter from the plugin's jar and publish partition load for the balancer; when
 *     empty, no reporter is configured and the balancer works from the Admin API alone
 * @param loadReportInterval how often brokers sample partition load, when they report it
 */
public record LocalSubstrateOptions(
    Path kafkaHome,
    Path javaExecutable,
    int brokerHeapMb,
    String clientHost,
    Duration stopGrace,
    Optional<TieredStorageSettings> tieredStorage,
    Map<String, String> brokerEnvironment,
    Optional<Path> pluginDirectory,
    Duration loadReportInterval) {

  public static final int DEFAULT_BROKER_HEAP_MB = 384;
  public static final int MIN_BROKER_HEAP_MB = 128;
  public static final int MAX_BROKER_HEAP_MB = 512;
  public static final String DEFAULT_CLIENT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  public LocalSubstrateOptions {
    Objects.requireNonNull(kafkaHome, "kafkaHome");
    Objects.requireNonNull(javaExecutable, "javaExecutable");
    Objects.requireNonNull(clientHost, "clientHost");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(tieredStorage, "tieredStorage");
    brokerEnvironment = Map.copyOf(brokerEnvironment);
    Objects.requireNonNull(pluginDirectory, "pluginDirectory");
    Objects.requireNonNull(loadReportInterval, "loadReportInterval");
    if (brokerHeapMb < MIN_BROKER_HEAP_MB || brokerHeapMb > MAX_BROKER_HEAP_MB) {
      throw new IllegalArgumentException(
          "broker heap must be "
              + MIN_BROKER_HEAP_MB
              + " to "
              + MAX_BROKER_HEAP_MB
              + " MiB, was "
              + brokerHeapMb);
    }
    if (stopGrace.isNegative()) {
      throw new IllegalArgumentException("stop grace must not be negative, was " + stopGrace);
    }
    // Fails early, naming the smallest interval, rather than when a broker starts.
    pluginDirectory.ifPresent(dir -> new LoadReporterSettings(dir, loadReportInterval));
  }

  /** The defaults, with brokers taken from {@code kafkaHome}. */
  public static LocalSubstrateOptions defaults(Path kafkaHome) {
    return new LocalSubstrateOptions(
        kafkaHome,
        defaultJavaExecutable(),
        DEFAULT_BROKER_HEAP_MB,
        DEFAULT_CLIENT_HOST,
        DEFAULT_STOP_GRACE,
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        LoadReporterSettings.DEFAULT_INTERVAL);
  }

  /** These options with another {@code java}. */
  public LocalSubstrateOptions withJavaExecutable(Path java) {
    return new LocalSubstrateOptions(
        kafkaHome,
        java,
        brokerHeapMb,
        clientHost,
        stopGrace,
        tieredStorage,
        brokerEnvironment,
        pluginDirectory,
        loadReportInterval);
  }

  /** These options with another broker heap. */
  public LocalSubstrateOptions withBrokerHeapMb(int heapMb) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        heapMb,
        clientHost,
        stopGrace,
        tieredStorage,
        brokerEnvironment,
        pluginDirectory,
        loadReportInterval);
  }

  /** These options with another client host. */
  public LocalSubstrateOptions withClientHost(String host) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        host,
        stopGrace,
        tieredStorage,
        brokerEnvironment,
        pluginDirectory,
        loadReportInterval);
  }

  /** These options with another default stop grace. */
  public LocalSubstrateOptions withStopGrace(Duration grace) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        clientHost,
        grace,
        tieredStorage,
        brokerEnvironment,
        pluginDirectory,
        loadReportInterval);
  }

  /** These options with clusters tiering segments as {@code settings} say. */
  public LocalSubstrateOptions withTieredStorage(TieredStorageSettings settings) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        clientHost,
        stopGrace,
        Optional.of(settings),
        brokerEnvironment,
        pluginDirectory,
        loadReportInterval);
  }

  /** These options with {@code environment} added to what brokers inherit. */
  public LocalSubstrateOptions withBrokerEnvironment(Map<String, String> environment) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        clientHost,
        stopGrace,
        tieredStorage,
        environment,
        pluginDirectory,
        loadReportInterval);
  }

  /**
   * These options with brokers running the load reporter from the broker plugin in {@code
   * directory}, whether or not clusters tier to object storage.
   */
  public LocalSubstrateOptions withPluginDirectory(Path directory) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        clientHost,
        stopGrace,
        tieredStorage,
        brokerEnvironment,
        Optional.of(directory),
        loadReportInterval);
  }

  /** These options with brokers sampling partition load every {@code interval}. */
  public LocalSubstrateOptions withLoadReportInterval(Duration interval) {
    return new LocalSubstrateOptions(
        kafkaHome,
        javaExecutable,
        brokerHeapMb,
        clientHost,
        stopGrace,
        tieredStorage,
        brokerEnvironment,
        pluginDirectory,
        interval);
  }

  /** How brokers report load, when they do: with a plugin directory only. */
  public Optional<LoadReporterSettings> loadReporter() {
    return pluginDirectory.map(dir -> new LoadReporterSettings(dir, loadReportInterval));
  }

  /**
   * The {@code java} running this platform, else {@code $JAVA_HOME/bin/java}, else {@code java}
   * from the {@code PATH}. A native launcher running the platform (not named {@code java}) is
   * skipped, since it cannot run brokers.
   */
  public static Path defaultJavaExecutable() {
    var current = ProcessHandle.current().info().command().map(Path::of);
    if (current.isPresent()
        && current.get().getFileName().toString().equals("java")
        && Files.isExecutable(current.get())) {
      return current.get();
    }
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
      return Path.of(javaHome, "bin", "java");
    }
    return Path.of("java");
  }
}
