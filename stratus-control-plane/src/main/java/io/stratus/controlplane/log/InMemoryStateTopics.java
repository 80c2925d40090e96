package io.stratus.controlplane.log;

import io.stratus.api.StatusEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Both state topics held in memory, standing in for the control plane's Kafka in tests and
 * experiments. Several {@link InMemoryEventLog}s may share one, like control plane instances
 * sharing one Kafka: the one opened last is the only one allowed to write. Nothing is compacted.
 * Thread-safe.
 */
public final class InMemoryStateTopics {

  private final List<DesiredRecord> desired = new ArrayList<>();
  private final List<StatusRecord> status = new ArrayList<>();
  private long writerEpoch;
  private String nextAppendFailure;

  /** Publishes a status event as an agent would. */
  public void publishStatus(StatusEvent event) {
    appendStatus(new StatusRecord.Put(event));
  }

  /** Publishes a status tombstone as an agent would, for example once a cluster is gone. */
  public void publishStatusTombstone(String key) {
    appendStatus(new StatusRecord.Tombstone(key));
  }

  /**
   * Makes the next append fail without writing anything, as a Kafka outage would; the writer stays
   * usable.
   */
  public synchronized void failNextAppend(String reason) {
    nextAppendFailure = reason;
  }

  /** Every record written to the desired-state topic so far, oldest first. */
  public synchronized List<DesiredRecord> desiredRecords() {
    return List.copyOf(desired);
  }

  /** Every record written to the status topic so far, oldest first. */
  public synchronized List<StatusRecord> statusRecords() {
    return List.copyOf(status);
  }

  synchronized long fenceEarlierWriters() {
    return ++writerEpoch;
  }

  synchronized void appendDesired(long epoch, List<DesiredRecord> records) {
    if (epoch != writerEpoch) {
      throw new WriterLostException(
          "another control plane instance has taken over writing the desired state (epoch "
              + writerEpoch
              + ", this instance has "
              + epoch
              + ")");
    }
    if (nextAppendFailure != null) {
      String reason = nextAppendFailure;
      nextAppendFailure = null;
      throw new EventLogException(reason);
    }
    desired.addAll(records);
  }

  synchronized LogContents contents() {
    return new LogContents(desired, status);
  }

  /** Waits for status records from {@code position} on, until the deadline or a wake-up. */
  synchronized List<StatusRecord> statusFrom(int position, long deadlineNanos, WakeUp wakeUp)
      throws InterruptedException {
    while (status.size() <= position && !wakeUp.consume()) {
      long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        return List.of();
      }
      wait(remainingMillis);
    }
    return List.copyOf(status.subList(Math.min(position, status.size()), status.size()));
  }

  synchronized void wake() {
    notifyAll();
  }

  private synchronized void appendStatus(StatusRecord record) {
    status.add(record);
    notifyAll();
  }

  /** A wake-up request for one reader; consumed by the wait it ends. */
  static final class WakeUp {
    private boolean requested;

    synchronized void request() {
      requested = true;
    }

    synchronized boolean consume() {
      boolean was = requested;
      requested = false;
      return was;
    }
  }
}
