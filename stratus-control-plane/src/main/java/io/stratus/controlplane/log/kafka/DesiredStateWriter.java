package io.stratus.controlplane.log.kafka;

import io.stratus.api.StateTopics;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.EventLogException;
import io.stratus.controlplane.log.WriterLostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The only writer of the desired-state topic: a transactional producer whose {@code
 * transactional.id} fences every earlier instance when it starts. Each append is one transaction.
 *
 * <p>Once fenced, or once the outcome of a commit is unknown, the writer is lost for good: it
 * closes its producer and refuses every later append, because writing on from a read model that may
 * differ from the log would corrupt the desired state. Not thread-safe: one thread appends.
 */
final class DesiredStateWriter implements AutoCloseable {

  private static final int COMMIT_ATTEMPTS = 3;

  private final Supplier<Producer<String, byte[]>> newProducer;
  private final String bootstrapServers;
  private final String transactionalId;
  private Producer<String, byte[]> producer;
  private String lostReason;

  DesiredStateWriter(KafkaClientSettings settings, String transactionalId) {
    this(
        () ->
            new KafkaProducer<>(
                settings.producer(transactionalId),
                new StringSerializer(),
                new ByteArraySerializer()),
        settings.bootstrapServers(),
        transactionalId);
  }

  DesiredStateWriter(
      Supplier<Producer<String, byte[]>> newProducer,
      String bootstrapServers,
      String transactionalId) {
    this.newProducer = newProducer;
    this.bootstrapServers = bootstrapServers;
    this.transactionalId = transactionalId;
  }

  /** Starts the producer and fences earlier writers with the same transactional id. */
  void open() {
    producer = newProducer.get();
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      producer = null;
      throw new EventLogException(
          "could not start the transactional writer (transactional.id="
              + transactionalId
              + ") on the Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
  }

  void append(List<DesiredRecord> records) {
    if (lostReason != null) {
      throw new WriterLostException(lostReason);
    }
    if (producer == null) {
      throw new IllegalStateException("append before open");
    }
    try {
      producer.beginTransaction();
      for (DesiredRecord record : records) {
        producer.send(
            new ProducerRecord<>(
                StateTopics.DESIRED, record.key(), StateRecordCodec.encode(record)));
      }
      commit();
    } catch (KafkaException e) {
      if (isFenced(e)) {
        throw lose(fencedReason(), e);
      }
      abort(e);
      throw new EventLogException(
          "could not write to the state log on the Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage()
              + "; nothing was written",
          e);
    } catch (WriterLostException e) {
      throw e;
    } catch (RuntimeException e) {
      throw lose(
          "the writer of the state log failed unexpectedly ("
              + e
              + "); restart the control plane so that it reads the log again",
          e);
    }
  }

  private void commit() {
    for (int attempt = 1; ; attempt++) {
      try {
        producer.commitTransaction();
        return;
      } catch (TimeoutException e) {
        // A timed-out commit may still complete; only retrying the commit can tell.
        if (attempt == COMMIT_ATTEMPTS) {
          throw lose(
              "the outcome of a write to the state log is unknown: committing timed out "
                  + COMMIT_ATTEMPTS
                  + " times on the Kafka at "
                  + bootstrapServers
                  + "; restart the control plane so that it reads the log again",
              e);
        }
      }
    }
  }

  private void abort(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      e.addSuppressed(cause);
      throw lose(
          isFenced(e)
              ? fencedReason()
              : "a failed write to the state log could not be aborted ("
                  + e.getMessage()
                  + "); restart the control plane so that it reads the log again",
          e);
    }
  }

  private WriterLostException lose(String reason, Throwable cause) {
    lostReason = reason;
    producer.close(Duration.ZERO);
    return new WriterLostException(reason, cause);
  }

  private String fencedReason() {
    return "another control plane instance with transactional.id '"
        + transactionalId
        + "' has taken over; this instance no longer accepts writes";
  }

  private static boolean isFenced(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProducerFencedException
          || cause instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (producer != null && lostReason == null) {
      producer.close(KafkaClientSettings.CALL_TIMEOUT);
    }
  }
}
