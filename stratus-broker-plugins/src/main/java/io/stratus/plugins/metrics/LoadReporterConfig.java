package io.stratus.plugins.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration of {@link PartitionLoadReporter}: the broker's {@code stratus.load.reporter.*}
 * settings, all owned by the platform, plus the {@code node.id} / {@code broker.id} Kafka passes to
 * every metrics reporter. Validation failures are {@link
 * org.apache.kafka.common.config.ConfigException}s naming the key, the value and the rule.
 * Immutable; thread-safe.
 *
 * <p>This class uses nothing but kafka-clients, so the platform can name the keys without loading
 * the broker's metrics classes.
 */
public final class LoadReporterConfig extends AbstractConfig {

  /** The prefix of every setting of the reporter in the broker's configuration. */
  public static final String PREFIX = "stratus.load.reporter.";

  /** The internal listeners the reporter's clients connect to, {@code host:port,…}. */
  public static final String BOOTSTRAP_SERVERS = PREFIX + "bootstrap.servers";

  /** The security protocol of that listener, e.g. {@code SASL_PLAINTEXT}. */
  public static final String SECURITY_PROTOCOL = PREFIX + "security.protocol";

  /** The SASL mechanism of that listener, e.g. {@code PLAIN}. */
  public static final String SASL_MECHANISM = PREFIX + "sasl.mechanism";

  /** The client JAAS login the reporter's clients send. */
  public static final String SASL_JAAS_CONFIG = PREFIX + "sasl.jaas.config";

  /** The topic samples are published to; the platform creates it. */
  public static final String TOPIC = PREFIX + "topic";

  /** How often the reporter samples, in milliseconds. */
  public static final String INTERVAL_MS = PREFIX + "interval.ms";

  /**
   * The topic samples go to unless {@link #TOPIC} says otherwise. The balancer's monitor reads the
   * same name ({@code io.stratus.balancer.monitor.MonitorSettings.DEFAULT_SAMPLES_TOPIC}).
   */
  public static final String DEFAULT_TOPIC = "__stratus_partition_load";

  public static final long DEFAULT_INTERVAL_MS = 10_000;

  /** Below this the reporter would spend more of the broker's time than its samples are worth. */
  public static final long MIN_INTERVAL_MS = 100;

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "The broker listeners the reporter publishes through, host:port,…; the internal"
                  + " listener.")
          .define(
              SECURITY_PROTOCOL,
              Type.STRING,
              CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
              Importance.HIGH,
              "Security protocol of that listener.")
          .define(
              SASL_MECHANISM,
              Type.STRING,
              SaslConfigs.DEFAULT_SASL_MECHANISM,
              Importance.HIGH,
              "SASL mechanism of that listener.")
          .define(
              SASL_JAAS_CONFIG,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "JAAS login the reporter's clients send.")
          .define(
              TOPIC,
              Type.STRING,
              DEFAULT_TOPIC,
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Topic the samples are published to. The platform creates it; the reporter never"
                  + " does.")
          .define(
              INTERVAL_MS,
              Type.LONG,
              DEFAULT_INTERVAL_MS,
              Range.atLeast(MIN_INTERVAL_MS),
              Importance.MEDIUM,
              "How often the broker's partitions are sampled, in milliseconds.");

  /**
   * Reads the reporter's settings out of the broker's whole configuration.
   *
   * @param brokerConfig what Kafka passes to {@code configure}: every broker setting
   */
  public LoadReporterConfig(Map<String, ?> brokerConfig) {
    super(DEFINITION, brokerConfig, false);
  }

  /** The settings and their documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The configuration shared by the reporter's producer and admin client: where and as whom. */
  public Map<String, Object> clientConfig() {
    var config = new HashMap<String, Object>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS));
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, getString(SECURITY_PROTOCOL));
    config.put(SaslConfigs.SASL_MECHANISM, getString(SASL_MECHANISM));
    Password jaas = getPassword(SASL_JAAS_CONFIG);
    if (jaas != null) {
      config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
    }
    return config;
  }

  public String topic() {
    return getString(TOPIC);
  }

  public Duration interval() {
    return Duration.ofMillis(getLong(INTERVAL_MS));
  }

  /**
   * The broker's node id, from {@code node.id} or else {@code broker.id}, when Kafka passed one.
   */
  public Optional<Integer> nodeId() {
    Object id = originals().get("node.id");
    if (id == null) {
      id = originals().get("broker.id");
    }
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(id.toString().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
