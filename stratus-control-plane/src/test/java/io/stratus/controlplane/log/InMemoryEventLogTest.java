package io.stratus.controlplane.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.controlplane.TestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {

  private final InMemoryStateTopics topics = new InMemoryStateTopics();

  @Test
  void readToEndReturnsBothTopicsAndPollingContinuesAfterThem() {
    topics.publishStatus(TestData.agent("agent-1", TestData.NOW));
    InMemoryEventLog log = new InMemoryEventLog(topics);
    log.open();
    log.append(List.of(TestData.put(TestData.cluster("lkc-orders", "orders", 3))));

    LogContents contents = log.readToEnd();
    topics.publishStatusTombstone("cluster/lkc-orders");

    assertThat(contents.desired())
        .extracting(DesiredRecord::key)
        .containsExactly("cluster/lkc-orders");
    assertThat(contents.status()).extracting(StatusRecord::key).containsExactly("agent/agent-1");
    assertThat(log.pollStatus(Duration.ofSeconds(5)))
        .containsExactly(new StatusRecord.Tombstone("cluster/lkc-orders"));
    assertThat(log.pollStatus(Duration.ZERO)).isEmpty();
  }

  @Test
  void openingAnotherLogFencesThisOne() {
    InMemoryEventLog first = new InMemoryEventLog(topics);
    first.open();
    InMemoryEventLog second = new InMemoryEventLog(topics);
    second.open();

    assertThatThrownBy(() -> first.append(List.of(new DesiredRecord.Tombstone("cluster/x"))))
        .isInstanceOf(WriterLostException.class)
        .hasMessageContaining("another control plane instance");
    second.append(List.of(new DesiredRecord.Tombstone("cluster/x")));
    assertThat(topics.desiredRecords()).hasSize(1);
  }

  @Test
  void wakeupEndsAWaitingPoll() throws Exception {
    InMemoryEventLog log = new InMemoryEventLog(topics);
    log.open();
    log.readToEnd();

    CompletableFuture<List<StatusRecord>> poll =
        CompletableFuture.supplyAsync(() -> log.pollStatus(Duration.ofMinutes(5)));
    log.wakeup();

    assertThat(poll.get(10, TimeUnit.SECONDS)).isEmpty();
  }
}
