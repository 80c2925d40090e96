package io.stratus.cli.platform;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A producer and a consumer that run throughout a cluster operation and then prove that nothing
 * acknowledged was lost and nothing was read twice, with acknowledgement latency per phase
 * ("before", "during", "after" the operation). Test support for lifecycle E2E tests.
 *
 * <p>The producer (its own thread) sends at a steady rate with {@code enable.idempotence=true},
 * {@code acks=all}, unbounded retries within a two-minute delivery timeout, and up to five requests
 * in flight. Record key and value start with the record's sequence number (8 bytes, big-endian), so
 * keys spread records over every partition. A send blocked on metadata holds up only the producer
 * thread; if it falls more than a second behind its schedule it resumes the rate from then on
 * rather than bursting to catch up. Latency is measured from the {@code send} call to its callback
 * and labelled with the phase current at the {@code send} call.
 *
 * <p>The consumer (its own thread) has no group: it {@code assign}s every partition the topic has
 * when the load starts and reads from the beginning, and never commits. So a broker restart causes
 * no rebalance and no committed offset can skip a record; both clients ride out restarts by
 * themselves and are never replaced. {@code auto.offset.reset=earliest} means a log truncated under
 * the consumer is read again from its start, which shows up as duplicates rather than going unseen.
 * The topic must be written by this load only and keep its partition count while it runs.
 *
 * <p>Thread-safety: {@link #phase(String)}, {@link #latency(String)}, {@link #producerMetric},
 * {@link #progress()} may be called from any thread; {@link #stopAndVerify} and {@link #close()} by
 * the thread that owns the load.
 */
final class ContinuousLoad implements AutoCloseable {

  /** The rate used when none is given: steady, well below what one partition leader can take. */
  static final int DEFAULT_RECORDS_PER_SECOND = 200;

  /** The phase label until the first {@link #phase(String)} call. */
  static final String WARM_UP = "warm-up";

  private static final int VALUE_BYTES = 100;
  private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
  private static final long CATCH_UP_LIMIT_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long METRICS_SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long ERROR_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();
  private static final String PRODUCER_METRICS = "producer-metrics";

  private final String topic;
  private final long periodNanos;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SequenceLedger ledger = new SequenceLedger();
  private final LatencySamples latencies = new LatencySamples();
  private final Map<String, ProducerLatency> producerLatencies = new LinkedHashMap<>();
  private final AtomicLong consumerErrors = new AtomicLong();
  private final AtomicReference<String> firstConsumerError = new AtomicReference<>();
  private final Thread producerThread;
  private final Thread consumerThread;

  private volatile String phase = WARM_UP;
  private volatile boolean producing = true;
  private volatile boolean consuming = true;
  private volatile boolean draining;
  private volatile boolean readToEnd;
  private boolean stopped;

  private ContinuousLoad(Properties client, String topic, int recordsPerSecond) {
    if (recordsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "recordsPerSecond must be positive, was " + recordsPerSecond);
    }
    this.topic = topic;
    this.periodNanos = Duration.ofSeconds(1).toNanos() / recordsPerSecond;
    this.producer =
        new KafkaProducer<>(
            producerConfig(client, topic), new ByteArraySerializer(), new ByteArraySerializer());
    try {
      this.consumer =
          new KafkaConsumer<>(
              consumerConfig(client, topic),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
    this.producerThread = new Thread(this::produce, "continuous-load-producer-" + topic);
    this.consumerThread = new Thread(this::consume, "continuous-load-consumer-" + topic);
    producerThread.setDaemon(true);
    consumerThread.setDaemon(true);
  }

  /** Starts producing to and consuming {@code topic} at {@link #DEFAULT_RECORDS_PER_SECOND}. */
  static ContinuousLoad start(Properties client, String topic) {
    return start(client, topic, DEFAULT_RECORDS_PER_SECOND);
  }

  /**
   * Starts producing to and consuming {@code topic} at {@code recordsPerSecond}, in phase {@link
   * #WARM_UP}. Returns at once; the topic should exist with a leader for every partition.
   *
   * @param client the tenant's client settings (bootstrap, SASL), as from {@link TenantClient}
   */
  static ContinuousLoad start(Properties client, String topic, int recordsPerSecond) {
    ContinuousLoad load = new ContinuousLoad(client, topic, recordsPerSecond);
    load.consumerThread.start();
    load.producerThread.start();
    return load;
  }

  /**
   * Labels the records sent from now on with {@code name}, and samples the producer's metrics for
   * the phase that ends.
   */
  void phase(String name) {
    String ended = phase;
    phase = name;
    sampleProducerMetrics(ended);
  }

  /** The current phase label. */
  String phase() {
    return phase;
  }

  /** Acknowledgement latency so far of the records sent in {@code phase}. */
  PhaseLatency latency(String phase) {
    return latencies.latency(phase);
  }

  /**
   * The current value of the producer's metric {@code name} in group {@code producer-metrics}, e.g.
   * {@code request-latency-avg} or {@code request-latency-max} (milliseconds); NaN if the client
   * has no value or no such metric.
   */
  double producerMetric(String name) {
    for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
      if (metric.getKey().group().equals(PRODUCER_METRICS)
          && metric.getKey().name().equals(name)
          && metric.getValue().metricValue() instanceof Number value) {
        return value.doubleValue();
      }
    }
    return Double.NaN;
  }

  /** The ledger as it stands: for waiting until the load is under way, or for progress logs. */
  SequenceLedger.Tally progress() {
    return ledger.tally();
  }

  /**
   * Stops the producer (flushing whatever is in flight, up to its delivery timeout), then keeps
   * consuming until every acknowledged record has been read and the consumer has reached the end of
   * every partition, or {@code drainTimeout} passes; stops the consumer and reports. A timeout is
   * not thrown: the report's {@code lost} and {@code readToEnd} say what was missing.
   */
  LoadReport stopAndVerify(Duration drainTimeout) throws InterruptedException {
    if (stopped) {
      throw new IllegalStateException("the load on " + topic + " was already stopped");
    }
    stopProducer();
    draining = true;
    try {
      await("every acknowledged record of " + topic + " is read and the consumer is at the end")
          .atMost(drainTimeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> ledger.acknowledgedUnread() == 0 && readToEnd);
    } catch (ConditionTimeoutException e) {
      // The report says what was not read.
    }
    stopConsumer();
    stopped = true;
    Map<String, ProducerLatency> producerSnapshot;
    synchronized (producerLatencies) {
      producerSnapshot = new LinkedHashMap<>(producerLatencies);
    }
    return new LoadReport(
        ledger.tally(),
        readToEnd,
        consumerErrors.get(),
        Optional.ofNullable(firstConsumerError.get()),
        latencies.all(),
        producerSnapshot);
  }

  /**
   * Stops both clients without verifying; does nothing after {@link #stopAndVerify}. If interrupted
   * while waiting for the clients' threads, returns with the interrupt flag set.
   */
  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      stopProducer();
      stopConsumer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the producer's thread ----

  private void produce() {
    try {
      long next = System.nanoTime();
      long nextMetricsSample = next + METRICS_SAMPLE_NANOS;
      while (producing) {
        long now = System.nanoTime();
        if (now - nextMetricsSample >= 0) {
          sampleProducerMetrics(phase);
          nextMetricsSample = now + METRICS_SAMPLE_NANOS;
        }
        if (now - next < 0) {
          LockSupport.parkNanos(next - now);
          continue;
        }
        sendOne();
        next += periodNanos;
        long behind = System.nanoTime() - next;
        if (behind > CATCH_UP_LIMIT_NANOS) {
          next = System.nanoTime();
        }
      }
      producer.flush();
      sampleProducerMetrics(phase);
    } finally {
      producer.close(Duration.ofSeconds(30));
    }
  }

  private void sendOne() {
    long sequence = ledger.next();
    String sentIn = phase;
    byte[] key = ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
    byte[] value = ByteBuffer.allocate(VALUE_BYTES).putLong(sequence).array();
    long started = System.nanoTime();
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, error) -> {
            if (error == null) {
              latencies.record(sentIn, System.nanoTime() - started);
              ledger.acknowledged(sequence);
            } else {
              ledger.failed(sequence, error.toString());
            }
          });
    } catch (RuntimeException e) {
      ledger.failed(sequence, e.toString());
    }
  }

  private void sampleProducerMetrics(String sampledPhase) {
    ProducerLatency sample =
        ProducerLatency.sample(
            producerMetric("request-latency-avg"), producerMetric("request-latency-max"));
    synchronized (producerLatencies) {
      producerLatencies.merge(sampledPhase, sample, ProducerLatency::plus);
    }
  }

  // ---- the consumer's thread ----

  private void consume() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = null;
      while (consuming) {
        try {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            read(record);
          }
          if (draining) {
            if (ends == null) {
              ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            }
            boolean atEnd = true;
            for (TopicPartition partition : partitions) {
              atEnd &= consumer.position(partition, Duration.ofSeconds(5)) >= ends.get(partition);
            }
            readToEnd = atEnd;
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          consumerError(e);
        }
      }
    } catch (WakeupException e) {
      // Asked to stop.
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }
  }

  private List<TopicPartition> awaitPartitions() {
    while (consuming) {
      try {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (!partitions.isEmpty()) {
          return partitions.stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
        }
      } catch (WakeupException e) {
        throw e;
      } catch (RuntimeException e) {
        consumerError(e);
      }
    }
    return List.of();
  }

  private void read(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null || record.value().length < Long.BYTES) {
      consumerError(
          new IllegalStateException(
              "a record without a sequence number at "
                  + record.topic()
                  + "-"
                  + record.partition()
                  + "@"
                  + record.offset()));
      return;
    }
    try {
      ledger.read(ByteBuffer.wrap(record.value()).getLong());
    } catch (IllegalArgumentException e) {
      consumerError(e);
    }
  }

  private void consumerError(RuntimeException error) {
    consumerErrors.incrementAndGet();
    firstConsumerError.compareAndSet(null, error.toString());
    // An error that repeats at once (a broker refusing every fetch) must not spin a core.
    LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
  }

  // ---- stopping ----

  private void stopProducer() throws InterruptedException {
    producing = false;
    LockSupport.unpark(producerThread);
    producerThread.join(DELIVERY_TIMEOUT.plusSeconds(45).toMillis());
  }

  private void stopConsumer() throws InterruptedException {
    consuming = false;
    consumer.wakeup();
    consumerThread.join(Duration.ofSeconds(30).toMillis());
  }

  // ---- client settings ----

  private static Properties producerConfig(Properties client, String topic) {
    Properties config = new Properties();
    config.putAll(client);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "continuous-load-producer-" + topic);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(DELIVERY_TIMEOUT.toMillis()));
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    // A metrics window of 1 to 2 seconds (two samples of one), so request-latency-avg and -max
    // sampled each second describe the phase they are sampled in, not the half minute before.
    config.put(ProducerConfig.METRICS_SAMPLE_WINDOW_MS_CONFIG, "1000");
    config.put(ProducerConfig.METRICS_NUM_SAMPLES_CONFIG, "2");
    return config;
  }

  private static Properties consumerConfig(Properties client, String topic) {
    Properties config = new Properties();
    config.putAll(client);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "continuous-load-consumer-" + topic);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }
}
