package io.stratus.dataplane.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status values that Kafka has not acknowledged yet: the latest value per key, sent again on
 * every {@link #retry()} until it is acknowledged. A newer value for a key replaces an older one,
 * since the status topic is compacted and only the latest counts. So whatever the agent reports
 * while the control plane's Kafka is unreachable arrives once it is back.
 *
 * <p>Thread-safe: values are offered from the agent's thread, acknowledgements arrive on the
 * producer's I/O thread.
 */
final class StatusOutbox {

  /** Sends one record; calls {@code onCompletion} with null once acknowledged, else the error. */
  interface Sender {
    void send(String key, String value, Consumer<Exception> onCompletion);
  }

  private static final Logger LOG = LoggerFactory.getLogger(StatusOutbox.class);

  private record Entry(String value, AtomicBoolean inFlight, AtomicBoolean warned) {}

  private final Map<String, Entry> unacknowledged = new ConcurrentHashMap<>();
  private final Sender sender;

  StatusOutbox(Sender sender) {
    this.sender = sender;
  }

  /** Sends the value for the key (null: a tombstone) and keeps it until it is acknowledged. */
  void offer(String key, String value) {
    Entry entry = new Entry(value, new AtomicBoolean(), new AtomicBoolean());
    unacknowledged.put(key, entry);
    trySend(key, entry);
  }

  /** Sends again every value whose last attempt failed. */
  void retry() {
    unacknowledged.forEach(this::trySend);
  }

  /** How many keys still wait for an acknowledgement. */
  int waiting() {
    return unacknowledged.size();
  }

  private void trySend(String key, Entry entry) {
    if (!entry.inFlight().compareAndSet(false, true)) {
      return;
    }
    try {
      sender.send(
          key,
          entry.value(),
          error -> {
            if (error == null) {
              unacknowledged.remove(key, entry);
            } else {
              failed(key, entry, error);
            }
          });
    } catch (RuntimeException e) {
      failed(key, entry, e);
    }
  }

  private static void failed(String key, Entry entry, Exception error) {
    entry.inFlight().set(false);
    if (entry.warned().compareAndSet(false, true)) {
      LOG.warn("status key={} not delivered yet, retrying: {}", key, error.getMessage());
    }
  }
}
