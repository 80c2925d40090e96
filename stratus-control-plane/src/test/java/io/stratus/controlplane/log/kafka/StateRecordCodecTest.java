package io.stratus.controlplane.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.api.ClusterPhase;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateRecordCodecTest {

  @Test
  void desiredEventsRoundTripAsStratusJson() throws IOException {
    DesiredRecord record = TestData.put(TestData.cluster("lkc-orders", "orders", 3));

    byte[] value = StateRecordCodec.encode(record);

    assertThat(new String(value, StandardCharsets.UTF_8)).contains("\"type\":\"cluster\"");
    assertThat(StateRecordCodec.decodeDesired(record.key(), value)).isEqualTo(record);
  }

  @Test
  void tombstonesAreNullValues() throws IOException {
    DesiredRecord tombstone = new DesiredRecord.Tombstone("cluster/lkc-orders");

    assertThat(StateRecordCodec.encode(tombstone)).isNull();
    assertThat(StateRecordCodec.decodeDesired("cluster/lkc-orders", null)).isEqualTo(tombstone);
    assertThat(StateRecordCodec.decodeStatus("cluster/lkc-orders", null))
        .isEqualTo(new StatusRecord.Tombstone("cluster/lkc-orders"));
  }

  @Test
  void statusEventsAreRead() throws IOException {
    StatusEvent event =
        new StatusEvent.ClusterReported(
            "lkc-orders", TestData.status(ClusterPhase.READY, 1, "ok"), TestData.NOW);

    assertThat(
            StateRecordCodec.decodeStatus(
                event.resourceKey(), StratusJson.mapper().writeValueAsBytes(event)))
        .isEqualTo(new StatusRecord.Put(event));
  }

  @Test
  void anUnknownEventTypeIsUnreadable() {
    assertThatThrownBy(
            () ->
                StateRecordCodec.decodeStatus(
                    "usage/x", "{\"type\":\"usage\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientsAreTransactionalAndReadCommittedWithoutAGroup() {
    KafkaClientSettings settings =
        new KafkaClientSettings(
            Map.of("bootstrap.servers", "localhost:9092", "group.id", "someone-elses"));

    assertThat(settings.producer("stratus-control-plane"))
        .containsEntry("transactional.id", "stratus-control-plane")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("bootstrap.servers", "localhost:9092");
    assertThat(settings.consumer("rebuild"))
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .doesNotContainKey("group.id");
  }
}
