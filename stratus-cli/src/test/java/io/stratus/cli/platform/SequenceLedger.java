package io.stratus.cli.platform;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What happened to each sequence number a {@link ContinuousLoad} sent: acknowledged, failed, read
 * once, read again. Knows nothing of Kafka, so its accounting is tested on constructed inputs.
 *
 * <p>Thread-safe: every method synchronizes on the ledger. The producer's I/O thread reports
 * acknowledgements, the consumer's thread reports reads, and the test thread takes tallies; at a
 * few hundred records a second the lock is never contended for long.
 *
 * <p>Sequence numbers are the ones {@link #next()} handed out, from 0 up; a read of any other
 * number (the topic must be written by this load only) is refused with an exception.
 */
final class SequenceLedger {

  /** How many examples of lost or duplicated sequence numbers a tally lists. */
  static final int EXAMPLES = 10;

  /**
   * The ledger at one moment.
   *
   * @param sent sequence numbers handed out to the producer
   * @param acknowledged sends the broker acknowledged
   * @param failedSends sends that failed after the producer's retries
   * @param pending sends with no outcome yet (neither acknowledged nor failed)
   * @param readDistinct sequence numbers read at least once
   * @param lost acknowledged but never read
   * @param duplicated read more than once, acknowledged or not
   * @param unacknowledgedButRead read although never acknowledged: a send that failed (or has not
   *     reported yet) whose record was written all the same; not a loss
   * @param lostExamples the lowest lost sequence numbers, at most {@link #EXAMPLES}
   * @param duplicatedExamples the lowest duplicated sequence numbers, at most {@link #EXAMPLES}
   * @param firstFailure the first failed send's error, if any send failed
   */
  record Tally(
      long sent,
      long acknowledged,
      long failedSends,
      long pending,
      long readDistinct,
      long lost,
      long duplicated,
      long unacknowledgedButRead,
      List<Long> lostExamples,
      List<Long> duplicatedExamples,
      Optional<String> firstFailure) {

    Tally {
      lostExamples = List.copyOf(lostExamples);
      duplicatedExamples = List.copyOf(duplicatedExamples);
    }
  }

  private int sent;
  private final BitSet acknowledged = new BitSet();
  private final BitSet failed = new BitSet();
  private final BitSet read = new BitSet();
  private final BitSet readAgain = new BitSet();
  private long acknowledgedUnread;
  private Optional<String> firstFailure = Optional.empty();

  /** Hands out the next sequence number to send. */
  synchronized long next() {
    if (sent == Integer.MAX_VALUE) {
      throw new IllegalStateException("the ledger holds at most " + Integer.MAX_VALUE + " sends");
    }
    return sent++;
  }

  /** The broker acknowledged {@code sequence}. */
  synchronized void acknowledged(long sequence) {
    int index = sentIndex(sequence);
    if (!acknowledged.get(index)) {
      acknowledged.set(index);
      if (!read.get(index)) {
        acknowledgedUnread++;
      }
    }
  }

  /** The send of {@code sequence} failed after the producer's retries, with {@code reason}. */
  synchronized void failed(long sequence, String reason) {
    failed.set(sentIndex(sequence));
    if (firstFailure.isEmpty()) {
      firstFailure = Optional.of("sequence " + sequence + ": " + reason);
    }
  }

  /** The consumer read {@code sequence} (once more). */
  synchronized void read(long sequence) {
    int index = sentIndex(sequence);
    if (read.get(index)) {
      readAgain.set(index);
      return;
    }
    read.set(index);
    if (acknowledged.get(index)) {
      acknowledgedUnread--;
    }
  }

  /** How many acknowledged sequence numbers have not been read yet; cheap to poll. */
  synchronized long acknowledgedUnread() {
    return acknowledgedUnread;
  }

  /** How many sends the broker acknowledged so far. */
  synchronized long acknowledgedCount() {
    return acknowledged.cardinality();
  }

  /** The counts and examples as they stand. */
  synchronized Tally tally() {
    BitSet lost = (BitSet) acknowledged.clone();
    lost.andNot(read);
    BitSet unacknowledgedButRead = (BitSet) read.clone();
    unacknowledgedButRead.andNot(acknowledged);
    BitSet resolved = (BitSet) acknowledged.clone();
    resolved.or(failed);
    return new Tally(
        sent,
        acknowledged.cardinality(),
        failed.cardinality(),
        sent - resolved.cardinality(),
        read.cardinality(),
        lost.cardinality(),
        readAgain.cardinality(),
        unacknowledgedButRead.cardinality(),
        lowest(lost),
        lowest(readAgain),
        firstFailure);
  }

  private int sentIndex(long sequence) {
    if (sequence < 0 || sequence >= sent) {
      throw new IllegalArgumentException(
          "sequence " + sequence + " was never sent; the ledger handed out 0 to " + (sent - 1));
    }
    return (int) sequence;
  }

  private static List<Long> lowest(BitSet bits) {
    List<Long> examples = new ArrayList<>();
    for (int i = bits.nextSetBit(0);
        i >= 0 && examples.size() < EXAMPLES;
        i = bits.nextSetBit(i + 1)) {
      examples.add((long) i);
    }
    return examples;
  }
}
