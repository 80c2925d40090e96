package io.stratus.controlplane.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stratus.api.StateTopics;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.EventLogException;
import io.stratus.controlplane.log.WriterLostException;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DesiredStateWriterTest {

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final DesiredStateWriter writer =
      new DesiredStateWriter(() -> producer, "kafka:9092", "stratus-control-plane");
  private final List<DesiredRecord> records =
      List.of(
          TestData.put(TestData.cluster("lkc-orders", "orders", 3)),
          new DesiredRecord.Tombstone("tenant-key/KEY1"));

  @BeforeEach
  void open() {
    writer.open();
  }

  @Test
  void openingInitialisesTransactions() {
    assertThat(producer.transactionInitialized()).isTrue();
  }

  @Test
  void anAppendIsOneCommittedTransactionOnTheDesiredTopic() {
    writer.append(records);

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, ProducerRecord::key)
        .containsExactly(
            tuple(StateTopics.DESIRED, "cluster/lkc-orders"),
            tuple(StateTopics.DESIRED, "tenant-key/KEY1"));
    assertThat(producer.history().get(1).value()).as("a tombstone is a null value").isNull();
  }

  @Test
  void aFencedWriterIsLostForGood() {
    producer.fenceProducer();

    assertThatThrownBy(() -> writer.append(records))
        .isInstanceOf(WriterLostException.class)
        .hasMessageContaining("transactional.id 'stratus-control-plane' has taken over");
    assertThatThrownBy(() -> writer.append(records))
        .isInstanceOf(WriterLostException.class)
        .hasMessageContaining("has taken over");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void aFailedCommitIsAbortedAndTheWriterStaysUsable() {
    producer.commitTransactionException = new KafkaException("broker went away");

    assertThatThrownBy(() -> writer.append(records))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("broker went away")
        .hasMessageContaining("nothing was written");
    assertThat(producer.transactionAborted()).isTrue();

    producer.commitTransactionException = null;
    writer.append(records);
    assertThat(producer.transactionCommitted()).isTrue();
  }

  @Test
  void aCommitThatKeepsTimingOutLeavesTheOutcomeUnknownAndTheWriterLost() {
    producer.commitTransactionException = new TimeoutException("no answer");

    assertThatThrownBy(() -> writer.append(records))
        .isInstanceOf(WriterLostException.class)
        .hasMessageContaining("outcome of a write to the state log is unknown");
    producer.commitTransactionException = null;
    assertThatThrownBy(() -> writer.append(records)).isInstanceOf(WriterLostException.class);
  }

  @Test
  void aFailureToAbortLosesTheWriter() {
    producer.commitTransactionException = new KafkaException("broker went away");
    producer.abortTransactionException = new KafkaException("cannot abort either");

    assertThatThrownBy(() -> writer.append(records))
        .isInstanceOf(WriterLostException.class)
        .hasMessageContaining("could not be aborted");
  }
}
