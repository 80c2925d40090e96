package io.stratus.cli.platform;

import static org.awaitility.Awaitility.await;

import io.stratus.api.StateTopics;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The status topic read directly from the control plane's Kafka, to see what the control plane
 * rebuilds its view of a cluster from. Test support.
 */
final class StatusTopic {

  private StatusTopic() {}

  /**
   * When the agent made the latest status report about the cluster that is on the status topic (the
   * one a rebuilt control plane shows), unless there is none.
   */
  static Optional<Instant> lastReportedAt(Map<String, Object> stateClient, String clusterId)
      throws Exception {
    Map<String, Object> config = new HashMap<>(stateClient);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stratus-test-status-reader");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    TopicPartition partition = new TopicPartition(StateTopics.STATUS, 0);
    String key = StatusEvent.clusterKey(clusterId);
    AtomicReference<Instant> last = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(15)).get(partition);
      await("read " + StateTopics.STATUS + " to offset " + end)
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (!key.equals(record.key())) {
                    continue;
                  }
                  // A tombstone says the agent removed the cluster: no report stands.
                  last.set(
                      record.value() == null
                          ? null
                          : ((StatusEvent.ClusterReported)
                                  StratusJson.mapper().readValue(record.value(), StatusEvent.class))
                              .reportedAt());
                }
                return consumer.position(partition) >= end;
              });
    }
    return Optional.ofNullable(last.get());
  }
}
