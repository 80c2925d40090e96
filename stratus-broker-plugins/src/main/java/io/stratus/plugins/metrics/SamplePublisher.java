package io.stratus.plugins.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes sample batches to the samples topic through the broker's internal listener, as JSON
 * ({@link SampleJson}), keyed by broker id so that one broker's samples stay in order.
 *
 * <p>Kafka producers ask for unknown topics to be auto-created, and brokers may allow that, so
 * nothing is sent until an admin client has seen the topic exist; the platform creates it. The
 * producer is small and never waits long: acks from the leader only, a 1 MiB buffer, at most one
 * second blocked when it is full. Samples are disposable; a lost one is replaced by the next. The
 * clients are created on the first batch, once the broker serves, so that they do not knock on
 * listeners that are not open yet; they retry unreachable brokers at most every ten seconds.
 *
 * <p>Thread-safe: {@link #publish} and {@link #close()} are serialized, so a close while an
 * interval is being published waits for it (a few seconds at most) and nothing is published after
 * it.
 */
final class SamplePublisher implements SampleSink {

  /** Keeps every record to a few tens of KiB, whatever the number of partitions. */
  static final int MAX_PARTITIONS_PER_RECORD = 200;

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
  private static final int RECONNECT_BACKOFF_MAX_MS = 10_000;

  private final LoadReporterConfig config;
  private final int brokerId;
  private final String topic;
  private final byte[] key;
  private final RateLimitedLog log;
  private KafkaProducer<byte[], byte[]> producer;
  private Admin admin;
  private volatile boolean topicSeen;
  private boolean closed;

  SamplePublisher(LoadReporterConfig config, int brokerId, RateLimitedLog log) {
    this.config = config;
    this.brokerId = brokerId;
    this.topic = config.topic();
    this.key = Integer.toString(brokerId).getBytes(StandardCharsets.UTF_8);
    this.log = log;
  }

  private void createClients() {
    String clientId = "stratus-load-reporter-" + brokerId;

    var producerConfig = new HashMap<>(config.clientConfig());
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "1");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producerConfig.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 1024 * 1024);
    producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
    producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 50);
    producerConfig.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);

    var adminConfig = new HashMap<>(config.clientConfig());
    adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
    adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    adminConfig.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
    Admin newAdmin = Admin.create(adminConfig);
    try {
      this.producer =
          new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    } catch (RuntimeException e) {
      newAdmin.close(Duration.ZERO);
      throw e;
    }
    this.admin = newAdmin;
  }

  @Override
  public synchronized boolean publish(SampleBatch batch) {
    if (closed) {
      return false;
    }
    if (producer == null) {
      createClients();
    }
    if (!topicExists()) {
      return false;
    }
    for (SampleBatch part : batch.split(MAX_PARTITIONS_PER_RECORD)) {
      producer.send(
          new ProducerRecord<>(topic, key, SampleJson.encode(part)),
          (metadata, error) -> {
            if (error instanceof UnknownTopicOrPartitionException) {
              topicSeen = false;
            }
            if (error != null) {
              log.warn("[load-reporter] a sample was not stored in " + topic + ": " + error);
            }
          });
    }
    return true;
  }

  private boolean topicExists() {
    if (topicSeen) {
      return true;
    }
    try {
      admin
          .describeTopics(
              List.of(topic), new DescribeTopicsOptions().timeoutMs((int) ADMIN_TIMEOUT.toMillis()))
          .allTopicNames()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      topicSeen = true;
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        log.warn(
            "[load-reporter] topic "
                + topic
                + " does not exist yet; samples are dropped until the platform creates it");
        return false;
      }
      throw new IllegalStateException("cannot check that topic " + topic + " exists", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot check that topic " + topic + " exists: timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (producer != null) {
        producer.close(CLOSE_TIMEOUT);
      }
    } finally {
      if (admin != null) {
        admin.close(CLOSE_TIMEOUT);
      }
    }
  }
}
