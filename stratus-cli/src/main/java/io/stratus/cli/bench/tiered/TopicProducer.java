package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the bench's records to one topic with {@code acks=all}, round-robin over its partitions,
 * and times it from the first send until every record is acknowledged. Not thread-safe.
 */
final class TopicProducer {

  /** Records of the same topic go in the same order with the same content for every run. */
  static final long SEED = 20_260_101L;

  private final Map<String, Object> clientConfig;

  /**
   * @param clientConfig how to reach the cluster (bootstrap servers, security)
   */
  TopicProducer(Map<String, Object> clientConfig) {
    this.clientConfig = Map.copyOf(clientConfig);
  }

  /**
   * Writes {@code records} records of {@link RecordPayloads} to {@code topic}.
   *
   * @throws StratusCliException when a record is not acknowledged
   */
  Throughput produce(String topic, int partitions, long records) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "stratus-bench-producer");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    RecordPayloads payloads = new RecordPayloads(SEED);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      long started = System.nanoTime();
      for (long number = 0; number < records && failure.get() == null; number++) {
        producer.send(
            new ProducerRecord<>(
                topic,
                (int) (number % partitions),
                RecordPayloads.key(number),
                payloads.nextValue()),
            (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              }
            });
      }
      producer.flush();
      long finished = System.nanoTime();
      if (failure.get() != null) {
        throw new StratusCliException(
            "writing to topic " + topic + " failed: " + failure.get().getMessage());
      }
      return Throughput.between(records * RecordPayloads.RECORD_BYTES, started, finished);
    } catch (KafkaException e) {
      throw new StratusCliException("writing to topic " + topic + " failed: " + e.getMessage());
    }
  }
}
