package io.stratus.controlplane.log;

import java.time.Duration;
import java.util.List;

/**
 * An {@link EventLog} on {@link InMemoryStateTopics}: one control plane instance's view of them.
 * Opening it fences every log opened earlier on the same topics, as a transactional producer does.
 * Thread-safe.
 */
public final class InMemoryEventLog implements EventLog {

  private final InMemoryStateTopics topics;
  private final InMemoryStateTopics.WakeUp wakeUp = new InMemoryStateTopics.WakeUp();
  private volatile long epoch = -1;
  private volatile int statusPosition;
  private volatile boolean writerLost;

  /** A log on these topics; it writes nothing until {@link #open()}. */
  public InMemoryEventLog(InMemoryStateTopics topics) {
    this.topics = topics;
  }

  @Override
  public void open() {
    epoch = topics.fenceEarlierWriters();
  }

  @Override
  public LogContents readToEnd() {
    LogContents contents = topics.contents();
    statusPosition = contents.status().size();
    return contents;
  }

  @Override
  public void append(List<DesiredRecord> records) {
    if (epoch < 0) {
      throw new IllegalStateException("append before open");
    }
    if (writerLost) {
      throw new WriterLostException("this instance was fenced earlier and writes no more");
    }
    try {
      topics.appendDesired(epoch, records);
    } catch (WriterLostException e) {
      writerLost = true;
      throw e;
    }
  }

  @Override
  public List<StatusRecord> pollStatus(Duration timeout) {
    try {
      List<StatusRecord> records =
          topics.statusFrom(statusPosition, System.nanoTime() + timeout.toNanos(), wakeUp);
      statusPosition += records.size();
      return records;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  @Override
  public void wakeup() {
    wakeUp.request();
    topics.wake();
  }

  @Override
  public String describe() {
    return "in-memory state topics";
  }

  @Override
  public void close() {
    wakeup();
  }
}
