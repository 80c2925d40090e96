package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic from offset 0 with a fresh consumer (every partition assigned, no group) and
 * times it from the first poll until every partition reaches the end offset it had before. Checks
 * that every record came back. Not thread-safe.
 */
final class TopicReader {

  /** Generous, so that a fetch is bounded by the broker's read path rather than the client. */
  static final int FETCH_MAX_BYTES = 16 * 1024 * 1024;

  /** No record for this long means the read is stuck. */
  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> clientConfig;

  /**
   * @param clientConfig how to reach the cluster (bootstrap servers, security)
   */
  TopicReader(Map<String, Object> clientConfig) {
    this.clientConfig = Map.copyOf(clientConfig);
  }

  /**
   * Reads all of {@code topic}.
   *
   * @param expectedRecords how many records the topic holds
   * @throws StratusCliException when the read stalls, fails, or returns another number of records
   */
  Throughput readAll(String topic, int partitions, long expectedRecords) {
    List<TopicPartition> assigned =
        IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config())) {
      consumer.assign(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
      consumer.seekToBeginning(assigned);
      Set<TopicPartition> unfinished = new HashSet<>(assigned);
      unfinished.removeIf(partition -> end.get(partition) == 0);
      long bytes = 0;
      long records = 0;
      long started = System.nanoTime();
      long lastRecord = started;
      while (!unfinished.isEmpty()) {
        int polled = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          bytes += sizeOf(record.key()) + sizeOf(record.value());
          polled++;
        }
        records += polled;
        long now = System.nanoTime();
        if (polled > 0) {
          lastRecord = now;
        } else if (now - lastRecord > STALL_TIMEOUT.toNanos()) {
          throw new StratusCliException(
              "reading topic "
                  + topic
                  + " stalled: no record for "
                  + STALL_TIMEOUT.toMinutes()
                  + " minutes after "
                  + records
                  + " of "
                  + expectedRecords
                  + " records");
        }
        unfinished.removeIf(partition -> consumer.position(partition) >= end.get(partition));
      }
      long finished = System.nanoTime();
      if (records != expectedRecords) {
        throw new StratusCliException(
            "read "
                + records
                + " records from topic "
                + topic
                + ", but "
                + expectedRecords
                + " were written; the topic lost or duplicated data");
      }
      return Throughput.between(bytes, started, finished);
    } catch (KafkaException e) {
      throw new StratusCliException("reading topic " + topic + " failed: " + e.getMessage());
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stratus-bench-reader");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_MAX_BYTES);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  private static int sizeOf(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
