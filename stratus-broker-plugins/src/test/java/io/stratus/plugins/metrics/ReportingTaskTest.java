package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Meter;
import com.yammer.metrics.core.MetricsRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReportingTaskTest {

  private final MetricsRegistry registry = new MetricsRegistry();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong logEndOffset = new AtomicLong();
  private final RecordingSink sink = new RecordingSink();
  private final RateLimitedLog warnings =
      new RateLimitedLog(
          LoggerFactory.getLogger(ReportingTaskTest.class), Duration.ofMinutes(1), nanos::get);
  private final ReportingTask task =
      new ReportingTask(
          4,
          new BrokerMetricsReader(registry::allMetrics),
          sink,
          Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC),
          nanos::get,
          warnings);
  private Meter bytesIn;

  @AfterEach
  void stopMeters() {
    registry.shutdown();
  }

  @Test
  void theFirstRunTakesTheStartingPointAndEachNextOnePublishesAnInterval() {
    ledPartitionOfOrders();

    task.run();
    assertThat(sink.batches).as("no interval yet").isEmpty();

    bytesIn.mark(5000);
    logEndOffset.addAndGet(50);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    task.run();

    assertThat(sink.batches).hasSize(1);
    SampleBatch batch = sink.batches.get(0);
    assertThat(batch.broker()).isEqualTo(4);
    assertThat(batch.intervalMs()).isEqualTo(5000);
    assertThat(batch.timestampMs()).isEqualTo(1_700_000_000_000L);
    assertThat(batch.partitions())
        .singleElement()
        .satisfies(
            sample -> {
              assertThat(sample.topic()).isEqualTo("orders");
              assertThat(sample.leader()).isTrue();
              assertThat(sample.bytesInPerSecond()).isEqualTo(1000.0);
              assertThat(sample.logEndOffset()).isEqualTo(50);
            });
  }

  @Test
  void aFailingSinkSkipsTheIntervalAndTheNextMeasuresFromTheLastRead() {
    ledPartitionOfOrders();
    task.run();
    sink.failNext = true;
    bytesIn.mark(1_000_000);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());

    task.run();

    assertThat(sink.batches).isEmpty();
    bytesIn.mark(2000);
    logEndOffset.addAndGet(1);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    task.run();
    assertThat(sink.batches.get(0).partitions().get(0).bytesInPerSecond())
        .as("the failed interval's bytes are not carried over")
        .isEqualTo(2000.0);
  }

  @Test
  void aBrokerHostingNothingSendsNothing() {
    task.run();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    task.run();

    assertThat(sink.batches).isEmpty();
  }

  @Test
  void nothingIsSampledWhileTheBrokerIsNotServingAndTheNextIntervalStartsAfter() {
    ledPartitionOfOrders();
    var state = new AtomicLong(1);
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.server", "KafkaServer", "BrokerState"),
        gauge(() -> (byte) state.get()));

    task.run();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    task.run();
    assertThat(sink.batches).as("starting").isEmpty();

    state.set(3);
    task.run();
    assertThat(sink.batches).as("the first read while serving is a starting point").isEmpty();
    bytesIn.mark(3000);
    logEndOffset.addAndGet(3);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    task.run();
    assertThat(sink.batches)
        .singleElement()
        .satisfies(
            batch -> assertThat(batch.partitions().get(0).bytesInPerSecond()).isEqualTo(3000.0));
  }

  private void ledPartitionOfOrders() {
    var partition = new LinkedHashMap<String, String>();
    partition.put("topic", "orders");
    partition.put("partition", "0");
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.log", "Log", "Size", partition), gauge(() -> 100L));
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.log", "Log", "LogEndOffset", partition),
        gauge(logEndOffset::get));
    registry.newGauge(
        KafkaYammerMetrics.getMetricName("kafka.cluster", "Partition", "ReplicasCount", partition),
        gauge(() -> 3));
    var topic = new LinkedHashMap<String, String>();
    topic.put("topic", "orders");
    bytesIn =
        registry.newMeter(
            KafkaYammerMetrics.getMetricName(
                "kafka.server", "BrokerTopicMetrics", "BytesInPerSec", topic),
            "bytes",
            TimeUnit.SECONDS);
  }

  private static <T> Gauge<T> gauge(java.util.function.Supplier<T> value) {
    return new Gauge<>() {
      @Override
      public T value() {
        return value.get();
      }
    };
  }

  private static final class RecordingSink implements SampleSink {
    final List<SampleBatch> batches = new ArrayList<>();
    boolean failNext;

    @Override
    public boolean publish(SampleBatch batch) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("broker unreachable");
      }
      batches.add(batch);
      return true;
    }

    @Override
    public void close() {}
  }
}
