package io.stratus.controlplane.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.DesiredEvent;
import io.stratus.api.StateTopics;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.LogContents;
import io.stratus.controlplane.log.StatusRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StateTopicReaderTest {

  private static final TopicPartition DESIRED = new TopicPartition(StateTopics.DESIRED, 0);
  private static final TopicPartition STATUS = new TopicPartition(StateTopics.STATUS, 0);

  private static final DesiredEvent ORDERS =
      new DesiredEvent.ClusterChanged(TestData.cluster("lkc-orders", "orders", 3));
  private static final StatusEvent AGENT = TestData.agent("agent-1", TestData.NOW);

  private final Map<String, MockConsumer<String, byte[]>> consumers = new HashMap<>();
  private final StateTopicReader reader = new StateTopicReader(this::consumer, "kafka:9092");

  private Consumer<String, byte[]> consumer(String purpose) {
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    Node node = new Node(0, "localhost", 9092);
    for (TopicPartition partition : List.of(DESIRED, STATUS)) {
      consumer.updatePartitions(
          partition.topic(),
          List.of(
              new PartitionInfo(partition.topic(), 0, node, new Node[] {node}, new Node[] {node})));
    }
    consumer.updateBeginningOffsets(Map.of(DESIRED, 0L, STATUS, 0L));
    if (purpose.equals("rebuild")) {
      consumer.updateEndOffsets(Map.of(DESIRED, 3L, STATUS, 2L));
      consumer.schedulePollTask(
          () -> {
            consumer.addRecord(record(DESIRED, 0, "cluster/lkc-orders", json(ORDERS)));
            consumer.addRecord(record(DESIRED, 1, "cluster/lkc-orders", null));
            consumer.addRecord(record(DESIRED, 2, "cluster/lkc-broken", "{not json"));
            consumer.addRecord(record(STATUS, 0, "agent/agent-1", json(AGENT)));
            consumer.addRecord(record(STATUS, 1, "cluster/lkc-orders", null));
          });
    }
    consumers.put(purpose, consumer);
    return consumer;
  }

  private static ConsumerRecord<String, byte[]> record(
      TopicPartition partition, long offset, String key, String value) {
    return new ConsumerRecord<>(
        partition.topic(),
        partition.partition(),
        offset,
        key,
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsBothTopicsToTheirEndSkippingUnreadableRecords() {
    LogContents contents = reader.readToEnd();

    assertThat(contents.desired())
        .containsExactly(
            new DesiredRecord.Put(ORDERS), new DesiredRecord.Tombstone("cluster/lkc-orders"));
    assertThat(contents.status())
        .containsExactly(
            new StatusRecord.Put(AGENT), new StatusRecord.Tombstone("cluster/lkc-orders"));
    assertThat(consumers.get("rebuild").closed()).isTrue();
  }

  @Test
  void followsTheStatusTopicFromWhereTheRebuildStopped() {
    reader.readToEnd();
    MockConsumer<String, byte[]> follower = consumers.get("status-follower");

    assertThat(follower.assignment()).containsExactly(STATUS);
    assertThat(follower.position(STATUS)).isEqualTo(2);
    follower.addRecord(
        record(
            STATUS,
            2,
            "cluster/lkc-orders",
            json(
                new StatusEvent.ClusterReported(
                    "lkc-orders",
                    TestData.status(io.stratus.api.ClusterPhase.READY, 1, "ok"),
                    TestData.NOW))));

    assertThat(reader.pollStatus(Duration.ZERO))
        .extracting(StatusRecord::key)
        .containsExactly("cluster/lkc-orders");
  }

  @Test
  void aWakeupEndsAPollQuietly() {
    reader.readToEnd();

    reader.wakeup();

    assertThat(reader.pollStatus(Duration.ofSeconds(5))).isEmpty();
  }

  private static String json(Object value) {
    try {
      return StratusJson.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
