package io.stratus.dataplane.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StatusOutboxTest {

  /** A sender whose sends complete only when the test says so. */
  private static final class ManualSender implements StatusOutbox.Sender {
    record Send(String key, String value, Consumer<Exception> completion) {}

    final List<Send> sends = new ArrayList<>();
    boolean refuse;

    @Override
    public void send(String key, String value, Consumer<Exception> onCompletion) {
      if (refuse) {
        throw new IllegalStateException("Topic _stratus.status not present in metadata");
      }
      sends.add(new Send(key, value, onCompletion));
    }
  }

  private final ManualSender sender = new ManualSender();
  private final StatusOutbox outbox = new StatusOutbox(sender);

  @Test
  void anAcknowledgedValueIsNotSentAgain() {
    outbox.offer("cluster/a", "READY");
    sender.sends.get(0).completion().accept(null);

    outbox.retry();

    assertThat(sender.sends).hasSize(1);
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  void aFailedDeliveryIsSentAgainOnRetry() {
    outbox.offer("cluster/a", "READY");
    sender.sends.get(0).completion().accept(new RuntimeException("timed out"));

    outbox.retry();

    assertThat(sender.sends).extracting(ManualSender.Send::value).containsExactly("READY", "READY");
    assertThat(outbox.waiting()).isOne();
  }

  @Test
  void aSendThatThrowsIsRetriedUntilKafkaIsBack() {
    sender.refuse = true;
    outbox.offer("cluster/a", "UPDATING");
    outbox.offer("cluster/a", "READY");
    outbox.retry();
    assertThat(sender.sends).isEmpty();
    assertThat(outbox.waiting()).as("only the latest value per key waits").isOne();

    sender.refuse = false;
    outbox.retry();

    assertThat(sender.sends).extracting(ManualSender.Send::value).containsExactly("READY");
  }

  @Test
  void aValueInFlightIsNotSentTwiceAndAnOlderAcknowledgementDoesNotClearANewerValue() {
    outbox.offer("cluster/a", "UPDATING");
    outbox.retry();
    assertThat(sender.sends).as("still in flight").hasSize(1);

    outbox.offer("cluster/a", "READY");
    sender.sends.get(0).completion().accept(null);

    assertThat(outbox.waiting()).as("READY is not acknowledged yet").isOne();
    sender.sends.get(1).completion().accept(null);
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  void tombstonesAreDeliveredLikeValues() {
    outbox.offer("cluster/a", null);
    sender.sends.get(0).completion().accept(null);

    assertThat(sender.sends.get(0).value()).isNull();
    assertThat(outbox.waiting()).isZero();
  }
}
