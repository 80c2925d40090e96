package io.stratus.controlplane.log.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configurations of the control plane's Kafka clients: the caller's connection settings
 * (bootstrap servers, SASL) with what each client needs for the state log on top. Immutable.
 */
final class KafkaClientSettings {

  /** How long one blocking client call may take before it is reported as a failure. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private static final String CLIENT_ID_PREFIX = "stratus-control-plane-";

  private final Map<String, Object> connection;

  KafkaClientSettings(Map<String, Object> connection) {
    Objects.requireNonNull(
        connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
        "kafkaClientConfig needs bootstrap.servers");
    this.connection = Map.copyOf(connection);
  }

  String bootstrapServers() {
    return String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
  }

  Map<String, Object> admin() {
    Map<String, Object> config = base("admin");
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(CALL_TIMEOUT));
    config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(CALL_TIMEOUT));
    return config;
  }

  /** A transactional, idempotent producer: the only writer of the desired state. */
  Map<String, Object> producer(String transactionalId) {
    Map<String, Object> config = base("desired-writer");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(CALL_TIMEOUT));
    return config;
  }

  /** A consumer that sees committed records only and is positioned by hand, without a group. */
  Map<String, Object> consumer(String purpose) {
    Map<String, Object> config = base(purpose);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(CALL_TIMEOUT));
    return config;
  }

  private Map<String, Object> base(String purpose) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID_PREFIX + purpose);
    return config;
  }

  private static int millis(Duration duration) {
    return (int) duration.toMillis();
  }
}
