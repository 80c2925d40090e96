package io.stratus.controlplane;

import io.stratus.controlplane.command.CommandProcessor;
import io.stratus.controlplane.log.EventLog;
import io.stratus.controlplane.log.StatusRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the status topic on its own thread and hands what the agents write to the {@link
 * CommandProcessor}, which replays it. It never changes state itself. Thread-safe.
 */
final class StatusFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusFollower.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration BACKOFF = Duration.ofSeconds(2);

  private final EventLog log;
  private final CommandProcessor processor;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;

  StatusFollower(EventLog log, CommandProcessor processor) {
    this.log = log;
    this.processor = processor;
    this.thread = new Thread(this::follow, "stratus-control-plane-status");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void follow() {
    while (stopped.getCount() > 0) {
      try {
        List<StatusRecord> records = log.pollStatus(POLL);
        if (!records.isEmpty()) {
          processor.replayStatus(records);
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "could not read the status topic, trying again in {}s: {}",
            BACKOFF.toSeconds(),
            e.getMessage());
        awaitStop(BACKOFF);
      }
    }
  }

  private void awaitStop(Duration timeout) {
    try {
      stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.countDown();
    }
  }

  /** Stops following and waits for the thread to end. */
  @Override
  public void close() {
    stopped.countDown();
    log.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
