package io.stratus.dataplane.substrate;

import io.stratus.plugins.metrics.LoadReporterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How a substrate's brokers report partition load to the balancer: the broker plugin's jar, which
 * brokers load from their own classpath (metric reporters are not loaded through the tiered-storage
 * plugin's class path), and how often they sample. Brokers publish to {@link
 * LoadReporterConfig#DEFAULT_TOPIC} on their internal listener as the platform's internal user.
 *
 * @param pluginDirectory the directory of the broker plugin's jars ({@code
 *     stratus-broker-plugins/target/plugin}); only the plugin's own jar goes on the classpath, not
 *     its dependencies
 * @param interval how often each broker samples
 */
public record LoadReporterSettings(Path pluginDirectory, Duration interval) {

  /** The broker plugin's metrics reporter, as brokers load it. */
  public static final String REPORTER_CLASS = "io.stratus.plugins.metrics.PartitionLoadReporter";

  /** Kafka drops its own JMX reporter when {@code metric.reporters} is set, so it is listed too. */
  public static final String JMX_REPORTER_CLASS = "org.apache.kafka.common.metrics.JmxReporter";

  public static final Duration DEFAULT_INTERVAL =
      Duration.ofMillis(LoadReporterConfig.DEFAULT_INTERVAL_MS);

  private static final String JAR_PREFIX = "stratus-broker-plugins";

  public LoadReporterSettings {
    Objects.requireNonNull(pluginDirectory, "pluginDirectory");
    Objects.requireNonNull(interval, "interval");
    if (interval.toMillis() < LoadReporterConfig.MIN_INTERVAL_MS) {
      throw new IllegalArgumentException(
          "load report interval must be at least "
              + LoadReporterConfig.MIN_INTERVAL_MS
              + " ms, was "
              + interval);
    }
  }

  /**
   * The plugin's own jar in {@link #pluginDirectory()}.
   *
   * @throws SubstrateException if it is not there: a broker told to load the reporter without it
   *     would not start, with a class-loading error deep in its log
   */
  public Path pluginJar() {
    try (Stream<Path> files = Files.list(pluginDirectory)) {
      return files
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.startsWith(JAR_PREFIX)
                    && name.endsWith(".jar")
                    && !name.endsWith("-tests.jar");
              })
          .max(Comparator.naturalOrder())
          .map(file -> file.toAbsolutePath().normalize())
          .orElseThrow(this::notInstalled);
    } catch (IOException e) {
      throw notInstalled();
    }
  }

  /**
   * The broker settings that turn the reporter on for one node, all owned by the platform: the
   * reporter next to Kafka's JMX reporter, and where and as whom it publishes.
   */
  public Map<String, String> brokerSettings(ClusterLayout layout) {
    var config = new LinkedHashMap<String, String>();
    config.put("metric.reporters", JMX_REPORTER_CLASS + "," + REPORTER_CLASS);
    config.put(LoadReporterConfig.BOOTSTRAP_SERVERS, layout.internalBootstrap());
    config.put(LoadReporterConfig.SECURITY_PROTOCOL, "SASL_PLAINTEXT");
    config.put(LoadReporterConfig.SASL_MECHANISM, "PLAIN");
    config.put(LoadReporterConfig.SASL_JAAS_CONFIG, layout.internalCredentials().clientJaas());
    config.put(LoadReporterConfig.TOPIC, LoadReporterConfig.DEFAULT_TOPIC);
    config.put(LoadReporterConfig.INTERVAL_MS, Long.toString(interval.toMillis()));
    return config;
  }

  private SubstrateException notInstalled() {
    return new SubstrateException(
        "the broker plugin jar ("
            + JAR_PREFIX
            + "-*.jar) is not in "
            + pluginDirectory
            + "; build it with 'mvn -DskipTests package' (stratus-broker-plugins/target/plugin)");
  }
}
