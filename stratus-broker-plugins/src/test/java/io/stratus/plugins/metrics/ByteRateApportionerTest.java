package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ByteRateApportionerTest {

  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);
  private static final TopicPartition P2 = new TopicPartition("orders", 2);

  @Test
  void eachPartitionGetsItsShareOfTheMessagesAppended() {
    var rates = ByteRateApportioner.apportion(1000.0, Map.of(P0, 10L, P1, 30L, P2, 60L), true);

    assertThat(rates.get(P0)).isCloseTo(100.0, within(1e-9));
    assertThat(rates.get(P1)).isCloseTo(300.0, within(1e-9));
    assertThat(rates.get(P2)).isCloseTo(600.0, within(1e-9));
  }

  @Test
  void aPartitionThatAppendedNothingGetsNothing() {
    var rates = ByteRateApportioner.apportion(500.0, Map.of(P0, 0L, P1, 25L), true);

    assertThat(rates).containsEntry(P0, 0.0).containsEntry(P1, 500.0);
  }

  @Test
  void bytesOutWithoutAnyAppendAreSplitEvenly() {
    var rates = ByteRateApportioner.apportion(300.0, Map.of(P0, 0L, P1, 0L, P2, 0L), true);

    assertThat(rates.values()).allSatisfy(rate -> assertThat(rate).isCloseTo(100.0, within(1e-9)));
  }

  @Test
  void bytesInWithoutAnyAppendAreCreditedToNoPartition() {
    var rates = ByteRateApportioner.apportion(300.0, Map.of(P0, 0L, P1, 0L), false);

    assertThat(rates).containsOnlyKeys(P0, P1);
    assertThat(rates.values()).containsOnly(0.0);
  }

  @Test
  void aTruncatedLogCountsAsNoAppend() {
    var rates = ByteRateApportioner.apportion(200.0, Map.of(P0, -50L, P1, 10L), true);

    assertThat(rates).containsEntry(P0, 0.0).containsEntry(P1, 200.0);
  }

  @Test
  void theSharesAddUpToTheTopicsRate() {
    var rates = ByteRateApportioner.apportion(777.7, Map.of(P0, 3L, P1, 7L, P2, 11L), true);

    assertThat(rates.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(777.7, within(1e-9));
  }

  @Test
  void noPartitionsNoRates() {
    assertThat(ByteRateApportioner.apportion(100.0, Map.of(), true)).isEmpty();
  }
}
