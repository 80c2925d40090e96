package io.stratus.dataplane.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stratus.api.DesiredEvent;
import io.stratus.api.StateTopics;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's connection to the control plane's Kafka: it reads the desired-state topic from the
 * beginning and keeps following it, and it publishes status. Not thread-safe: used from the agent's
 * loop thread only.
 */
public final class StateChannel implements AutoCloseable {

  /** One record of the desired-state topic; a null event is a tombstone. */
  public record DesiredRecord(String key, DesiredEvent event) {}

  private static final Logger LOG = LoggerFactory.getLogger(StateChannel.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> clientConfig;
  private final short replicationFactor;
  private final String agentId;
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;
  private TopicPartition desiredPartition;
  private long startEnd;
  private final StatusOutbox outbox = new StatusOutbox(this::send);

  /**
   * @param clientConfig bootstrap servers and security settings of the control plane's Kafka
   * @param replicationFactor the replication factor the state topics are created with
   * @param agentId the agent's id, used in client ids
   */
  public StateChannel(Map<String, Object> clientConfig, short replicationFactor, String agentId) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.replicationFactor = replicationFactor;
    this.agentId = agentId;
  }

  /**
   * Creates the state topics if they are missing and starts reading desired state from the
   * beginning.
   *
   * @throws IllegalStateException if the control plane's Kafka cannot be reached
   */
  public void open() {
    Map<String, Object> adminConfig = withClientId("admin");
    adminConfig.put("default.api.timeout.ms", (int) CALL_TIMEOUT.toMillis());
    adminConfig.put("request.timeout.ms", (int) CALL_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : List.of(StateTopics.DESIRED, StateTopics.STATUS)) {
        topics.add(new NewTopic(name, 1, replicationFactor).configs(StateTopics.topicConfig()));
      }
      admin.createTopics(topics).values().values().forEach(StateChannel::ignoreExists);
    }
    Map<String, Object> consumerConfig = withClientId("desired");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> opened =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    TopicPartition partition = new TopicPartition(StateTopics.DESIRED, 0);
    try {
      opened.assign(List.of(partition));
      opened.seekToBeginning(List.of(partition));
      startEnd = opened.endOffsets(List.of(partition), CALL_TIMEOUT).get(partition);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    Map<String, Object> producerConfig = withClientId("status");
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // The agent's one thread must not stall on an unreachable Kafka; the outbox retries instead.
    producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    desiredPartition = partition;
    consumer = opened;
  }

  /** Whether {@link #open()} has succeeded. */
  public boolean isOpen() {
    return consumer != null;
  }

  /** Reads what arrived on the desired-state topic, waiting at most {@code timeout}. */
  public List<DesiredRecord> poll(Duration timeout) {
    List<DesiredRecord> records = new ArrayList<>();
    for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
      try {
        DesiredEvent event =
            record.value() == null
                ? null
                : StratusJson.mapper().readValue(record.value(), DesiredEvent.class);
        records.add(new DesiredRecord(record.key(), event));
      } catch (JsonProcessingException e) {
        LOG.error(
            "skipping unreadable desired-state record key={} offset={}: {}",
            record.key(),
            record.offset(),
            e.getOriginalMessage());
      }
    }
    return records;
  }

  /** Whether everything that was on the desired-state topic at {@link #open()} has been read. */
  public boolean caughtUp() {
    return consumer.position(desiredPartition, CALL_TIMEOUT) >= startEnd;
  }

  /**
   * Publishes a status event. Delivery is asynchronous; it is retried by {@link
   * #retryUnacknowledged()} until Kafka acknowledges it or a newer event for the same key replaces
   * it.
   */
  public void publish(StatusEvent event) {
    try {
      outbox.offer(event.resourceKey(), StratusJson.mapper().writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write status as JSON", e);
    }
  }

  /** Publishes that a cluster is completely gone from this data plane. */
  public void publishGone(String clusterId) {
    outbox.offer(StatusEvent.balanceKey(clusterId), null);
    outbox.offer(StatusEvent.clusterKey(clusterId), null);
  }

  /** Sends again whatever status Kafka has not acknowledged; returns how much still waits. */
  public int retryUnacknowledged() {
    if (producer != null) {
      outbox.retry();
    }
    return outbox.waiting();
  }

  private void send(String key, String value, java.util.function.Consumer<Exception> onCompletion) {
    producer.send(
        new ProducerRecord<>(StateTopics.STATUS, key, value),
        (metadata, error) -> onCompletion.accept(error));
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private Map<String, Object> withClientId(String role) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("client.id", "stratus-agent-" + agentId + "-" + role);
    return config;
  }

  private static void ignoreExists(org.apache.kafka.common.KafkaFuture<Void> creation) {
    try {
      creation.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create the state topics: " + e.getCause().getMessage(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create the state topics: no answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the state topics", e);
    }
  }
}
