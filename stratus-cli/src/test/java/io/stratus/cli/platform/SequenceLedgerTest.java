package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequenceLedgerTest {

  private final SequenceLedger ledger = new SequenceLedger();

  @Test
  void everyAcknowledgedRecordReadOnceIsNeitherLostNorDuplicated() {
    sent(5);
    LongStream.range(0, 5).forEach(ledger::acknowledged);
    LongStream.range(0, 5).forEach(ledger::read);

    SequenceLedger.Tally tally = ledger.tally();

    assertThat(tally)
        .isEqualTo(
            new SequenceLedger.Tally(
                5,
                5,
                0,
                0,
                5,
                0,
                0,
                0,
                java.util.List.of(),
                java.util.List.of(),
                Optional.empty()));
    assertThat(ledger.acknowledgedUnread()).isZero();
  }

  @Test
  void anAcknowledgedRecordNeverReadIsLost() {
    sent(4);
    LongStream.range(0, 4).forEach(ledger::acknowledged);
    ledger.read(0);
    ledger.read(3);

    SequenceLedger.Tally tally = ledger.tally();

    assertThat(tally.lost()).as("1 and 2 were acknowledged and never read").isEqualTo(2);
    assertThat(tally.lostExamples()).containsExactly(1L, 2L);
    assertThat(tally.readDistinct()).isEqualTo(2);
    assertThat(ledger.acknowledgedUnread()).isEqualTo(2);
  }

  @Test
  void aRecordReadTwiceIsDuplicatedWhetherAcknowledgedOrNot() {
    sent(3);
    ledger.acknowledged(0);
    ledger.failed(1, "TimeoutException: expired");
    ledger.read(0);
    ledger.read(0);
    ledger.read(1);
    ledger.read(1);
    ledger.read(1);

    SequenceLedger.Tally tally = ledger.tally();

    assertThat(tally.duplicated())
        .as("0 (acknowledged) and 1 (failed) each read again")
        .isEqualTo(2);
    assertThat(tally.duplicatedExamples()).containsExactly(0L, 1L);
    assertThat(tally.readDistinct()).isEqualTo(2);
  }

  @Test
  void aFailedSendThatWasWrittenAnywayIsReadButUnacknowledgedAndNotLost() {
    sent(3);
    ledger.acknowledged(0);
    ledger.failed(1, "NetworkException: disconnected");
    ledger.failed(2, "TimeoutException: expired");
    ledger.read(0);
    ledger.read(1);

    SequenceLedger.Tally tally = ledger.tally();

    assertThat(tally.failedSends()).isEqualTo(2);
    assertThat(tally.unacknowledgedButRead()).isEqualTo(1);
    assertThat(tally.lost()).as("only acknowledged records can be lost").isZero();
    assertThat(tally.firstFailure()).contains("sequence 1: NetworkException: disconnected");
  }

  @Test
  void sendsWithNoOutcomeYetArePending() {
    sent(4);
    ledger.acknowledged(0);
    ledger.failed(1, "boom");

    assertThat(ledger.tally().pending()).isEqualTo(2);
    assertThat(ledger.acknowledgedCount()).isEqualTo(1);
  }

  @Test
  void aReadBeforeItsAcknowledgementDoesNotCountAsUnread() {
    // The consumer can see a record before the producer's callback runs.
    sent(1);
    ledger.read(0);
    ledger.acknowledged(0);

    assertThat(ledger.acknowledgedUnread()).isZero();
    assertThat(ledger.tally().lost()).isZero();
    assertThat(ledger.tally().unacknowledgedButRead()).isZero();
  }

  @Test
  void examplesAreTheLowestTenOnly() {
    sent(25);
    LongStream.range(0, 25).forEach(ledger::acknowledged);

    assertThat(ledger.tally().lost()).isEqualTo(25);
    assertThat(ledger.tally().lostExamples())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void aSequenceNumberThatWasNeverSentIsRefused() {
    sent(2);

    assertThatThrownBy(() -> ledger.read(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence 2 was never sent");
    assertThatThrownBy(() -> ledger.acknowledged(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReportCarriesTheLedgerAndDescribesItOnOneLine() {
    sent(3);
    LongStream.range(0, 3).forEach(ledger::acknowledged);
    ledger.read(0);
    ledger.read(1);
    ledger.read(1);
    LoadReport report =
        new LoadReport(
            ledger.tally(),
            true,
            0,
            Optional.empty(),
            Map.of("before", new PhaseLatency(3, 2.0, 5.0, 6.5)),
            Map.of("before", new ProducerLatency(2, 1.5, 4.0)));

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.duplicated()).isEqualTo(1);
    assertThat(report.acknowledged()).isEqualTo(3);
    assertThat(report.latency("during")).isEqualTo(PhaseLatency.NONE);
    assertThat(report.describe())
        .doesNotContain("\n")
        .contains(
            "sent 3, acknowledged 3, failed 0",
            "lost 1 [2]",
            "duplicated 1 [1]",
            "before: n=3 p50=2.0ms p99=5.0ms max=6.5ms",
            "producer request-latency avg 1.5ms max 4.0ms (2 samples)",
            "first failure: none");
  }

  private void sent(int count) {
    for (int i = 0; i < count; i++) {
      ledger.next();
    }
  }
}
