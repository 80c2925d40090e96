package io.stratus.balancer.monitor;

import io.stratus.balancer.BalancerException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the samples topic from its end as it is when first found: history from before the monitor
 * started is not read, since readiness counts windows from the start. No consumer group (partitions
 * are assigned, offsets never committed) and no topic auto-creation; until the topic exists, polls
 * return nothing. Records that cannot be decoded are skipped, and logged at most once a minute. Not
 * thread-safe: one thread polls.
 */
final class SampleConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SampleConsumer.class);
  private static final Duration WARNING_PERIOD = Duration.ofMinutes(1);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Clock clock;
  private boolean assigned;
  private long lastWarningMs = Long.MIN_VALUE;
  private long heldBackWarnings;

  SampleConsumer(Map<String, Object> clientConfig, String topic, Clock clock) {
    this.topic = topic;
    this.clock = clock;
    var config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "stratus-load-monitor");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The samples that arrived, waiting at most about {@code timeout}.
   *
   * @throws BalancerException if the consumer fails for a reason that will not pass (for example
   *     the credentials are refused)
   */
  List<PartitionLoadSample> poll(Duration timeout) {
    try {
      if (!assigned) {
        // Finding the partitions takes this call's time; reading starts on the next one.
        assign(timeout);
        return List.of();
      }
      var samples = new ArrayList<PartitionLoadSample>();
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
        try {
          samples.addAll(LoadSampleDecoder.decode(record.value()));
        } catch (BalancerException e) {
          warn(
              "skipped a record at "
                  + record.topic()
                  + "-"
                  + record.partition()
                  + "@"
                  + record.offset()
                  + ": "
                  + e.getMessage());
        }
      }
      return samples;
    } catch (KafkaException e) {
      throw new BalancerException("cannot read load samples from topic " + topic + ": " + e, e);
    }
  }

  private void assign(Duration timeout) {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, timeout);
    } catch (TimeoutException e) {
      return;
    }
    if (partitions == null || partitions.isEmpty()) {
      warn("topic " + topic + " does not exist yet; the monitor sees Admin data only");
      return;
    }
    List<TopicPartition> assignment =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assignment);
    consumer.seekToEnd(assignment);
    assigned = true;
  }

  private void warn(String message) {
    long now = clock.millis();
    if (lastWarningMs != Long.MIN_VALUE && now - lastWarningMs < WARNING_PERIOD.toMillis()) {
      heldBackWarnings++;
      return;
    }
    if (heldBackWarnings > 0) {
      log.warn("[topic={}] {} ({} similar warnings held back)", topic, message, heldBackWarnings);
    } else {
      log.warn("[topic={}] {}", topic, message);
    }
    lastWarningMs = now;
    heldBackWarnings = 0;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
