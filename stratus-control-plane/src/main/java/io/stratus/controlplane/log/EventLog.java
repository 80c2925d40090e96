package io.stratus.controlplane.log;

import java.time.Duration;
import java.util.List;

/**
 * The control plane's state log: the desired-state topic it alone writes, and the status topic the
 * agents write. The control plane uses it in a fixed order: {@link #open()}, {@link #readToEnd()}
 * once, then {@link #append(List)} from its command thread and {@link #pollStatus(Duration)} from
 * its status thread, and finally {@link #close()} once no thread uses it any more.
 *
 * <p>Implementations are safe for that use: one thread may append while another polls, and {@link
 * #wakeup()} may be called from any thread.
 */
public interface EventLog extends AutoCloseable {

  /**
   * Makes the log ready: creates the state topics if they are missing and fences every earlier
   * writer of the desired state, so that from now on only this instance can append.
   *
   * @throws EventLogException if the log cannot be reached or prepared
   */
  void open();

  /**
   * Reads both topics from their beginning to their end as of this call (committed records only).
   * Afterwards {@link #pollStatus(Duration)} returns the status records that follow.
   *
   * @throws EventLogException if the log cannot be read to its end
   */
  LogContents readToEnd();

  /**
   * Appends the records to the desired-state topic atomically: after it returns all of them are
   * committed; after it throws none of them is.
   *
   * @throws EventLogException if nothing was written and trying again may succeed
   * @throws WriterLostException if this instance may not or cannot write any more
   */
  void append(List<DesiredRecord> records);

  /**
   * The status records after those already returned, waiting at most {@code timeout} for some to
   * arrive; empty after the timeout or a {@link #wakeup()}.
   *
   * @throws EventLogException if the status topic cannot be read
   */
  List<StatusRecord> pollStatus(Duration timeout);

  /** Makes a {@link #pollStatus(Duration)} that is waiting, or the next one, return at once. */
  void wakeup();

  /** Where the log lives, for messages (for example the Kafka bootstrap servers). */
  String describe();

  /** Releases the log's clients. No other method may be running or called afterwards. */
  @Override
  void close();
}
