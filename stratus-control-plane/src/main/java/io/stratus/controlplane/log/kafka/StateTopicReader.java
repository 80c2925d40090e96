package io.stratus.controlplane.log.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stratus.api.StateTopics;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.EventLogException;
import io.stratus.controlplane.log.LogContents;
import io.stratus.controlplane.log.StatusRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the state topics: both from the beginning to their end once, then the status topic onwards.
 * Consumers read committed records only, are assigned partitions by hand and belong to no group.
 *
 * <p>{@link #readToEnd()} and {@link #pollStatus(Duration)} must not run at the same time; {@link
 * #wakeup()} is safe from any thread.
 */
final class StateTopicReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StateTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration READ_TO_END_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration METADATA_RETRY = Duration.ofMillis(100);

  private final Function<String, Consumer<String, byte[]>> newConsumer;
  private final String bootstrapServers;
  private volatile Consumer<String, byte[]> statusConsumer;

  StateTopicReader(KafkaClientSettings settings) {
    this(
        purpose ->
            new KafkaConsumer<>(
                settings.consumer(purpose), new StringDeserializer(), new ByteArrayDeserializer()),
        settings.bootstrapServers());
  }

  /**
   * @param newConsumer makes a consumer for a purpose ({@code rebuild}, {@code status-follower})
   */
  StateTopicReader(
      Function<String, Consumer<String, byte[]>> newConsumer, String bootstrapServers) {
    this.newConsumer = newConsumer;
    this.bootstrapServers = bootstrapServers;
  }

  LogContents readToEnd() {
    List<DesiredRecord> desired = new ArrayList<>();
    List<StatusRecord> status = new ArrayList<>();
    Map<TopicPartition, Long> statusPositions = new HashMap<>();
    try (Consumer<String, byte[]> consumer = newConsumer.apply("rebuild")) {
      List<TopicPartition> desiredPartitions = partitions(consumer, StateTopics.DESIRED);
      List<TopicPartition> statusPartitions = partitions(consumer, StateTopics.STATUS);
      List<TopicPartition> all = new ArrayList<>(desiredPartitions);
      all.addAll(statusPartitions);
      consumer.assign(all);
      consumer.seekToBeginning(all);
      Map<TopicPartition, Long> end = consumer.endOffsets(all, KafkaClientSettings.CALL_TIMEOUT);
      long deadline = System.nanoTime() + READ_TO_END_TIMEOUT.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new EventLogException(
              "could not read the state topics to their end within "
                  + READ_TO_END_TIMEOUT.toMinutes()
                  + " minutes from the Kafka at "
                  + bootstrapServers
                  + " (end offsets "
                  + end
                  + ")");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.topic().equals(StateTopics.DESIRED)) {
            decodeDesired(record, desired);
          } else {
            decodeStatus(record, status);
          }
        }
      }
      for (TopicPartition partition : statusPartitions) {
        statusPositions.put(partition, consumer.position(partition));
      }
    } catch (KafkaException e) {
      throw new EventLogException(
          "could not read the state topics from the Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
    followStatusFrom(statusPositions);
    return new LogContents(desired, status);
  }

  List<StatusRecord> pollStatus(Duration timeout) {
    Consumer<String, byte[]> consumer = statusConsumer;
    if (consumer == null) {
      throw new IllegalStateException("pollStatus before readToEnd");
    }
    List<StatusRecord> status = new ArrayList<>();
    try {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
        decodeStatus(record, status);
      }
    } catch (WakeupException e) {
      return status;
    } catch (KafkaException e) {
      throw new EventLogException(
          "could not read the status topic from the Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
    return status;
  }

  void wakeup() {
    Consumer<String, byte[]> consumer = statusConsumer;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  private void followStatusFrom(Map<TopicPartition, Long> positions) {
    Consumer<String, byte[]> consumer = newConsumer.apply("status-follower");
    consumer.assign(positions.keySet());
    positions.forEach(consumer::seek);
    statusConsumer = consumer;
  }

  private List<TopicPartition> partitions(Consumer<String, byte[]> consumer, String topic) {
    long deadline = System.nanoTime() + KafkaClientSettings.CALL_TIMEOUT.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, KafkaClientSettings.CALL_TIMEOUT);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      // A topic created a moment ago may not be in the metadata yet; ask again.
      if (System.nanoTime() > deadline) {
        throw new EventLogException(
            "state topic " + topic + " does not exist on the Kafka at " + bootstrapServers);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(METADATA_RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventLogException("interrupted while waiting for state topic metadata", e);
    }
  }

  private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
      if (consumer.position(entry.getKey(), KafkaClientSettings.CALL_TIMEOUT) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void decodeDesired(ConsumerRecord<String, byte[]> record, List<DesiredRecord> to) {
    if (record.key() == null) {
      skip(record, "it has no key");
      return;
    }
    try {
      to.add(StateRecordCodec.decodeDesired(record.key(), record.value()));
    } catch (IOException e) {
      skip(record, reason(e));
    }
  }

  private static void decodeStatus(ConsumerRecord<String, byte[]> record, List<StatusRecord> to) {
    if (record.key() == null) {
      skip(record, "it has no key");
      return;
    }
    try {
      to.add(StateRecordCodec.decodeStatus(record.key(), record.value()));
    } catch (IOException e) {
      skip(record, reason(e));
    }
  }

  private static String reason(IOException e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }

  private static void skip(ConsumerRecord<String, byte[]> record, String why) {
    LOG.warn(
        "[topic={} partition={} offset={}] skipping an unreadable state record key={}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        why);
  }

  @Override
  public void close() {
    Consumer<String, byte[]> consumer = statusConsumer;
    if (consumer != null) {
      consumer.close(KafkaClientSettings.CALL_TIMEOUT);
    }
  }
}
