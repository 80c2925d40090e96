package io.stratus.plugins.metrics;

import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker plugin that samples the load of every partition the broker hosts and publishes it to the
 * platform's samples topic, where the balancer's load monitor reads it. Brokers load it through
 * {@code metric.reporters} from their own classpath; it is configured by the broker's {@code
 * stratus.load.reporter.*} settings ({@link LoadReporterConfig}).
 *
 * <p>Every interval (10 s by default) it reads, from the broker's own metrics ({@link
 * BrokerMetricsReader}), each hosted partition's local log size and log end offset and, for the
 * partitions led here, the bytes produced and consumed, which Kafka counts per topic only and this
 * reporter splits per partition ({@link ByteRateApportioner}). The samples of one interval go out
 * as JSON records ({@link SampleJson}) through a small producer on the internal listener ({@link
 * SamplePublisher}).
 *
 * <p>It must never hurt the broker: it works on one daemon thread, reads only in-memory metrics,
 * samples only while the broker serves, drops an interval's samples when anything fails and logs
 * that at most once a minute, never creates the topic, and a bad configuration leaves it idle
 * (logged) rather than stopping the broker. {@link #close()} stops the thread and the clients
 * within a few seconds.
 *
 * <p>Kafka's {@link MetricsReporter} callbacks arrive on the broker's threads; this class is
 * thread-safe.
 */
public final class PartitionLoadReporter implements MetricsReporter {

  private static final Logger log = LoggerFactory.getLogger(PartitionLoadReporter.class);
  private static final Duration WARNING_PERIOD = Duration.ofMinutes(1);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Supplier<Map<MetricName, Metric>> metrics;
  private LoadReporterConfig config;
  private int brokerId;
  private ScheduledExecutorService thread;
  private SampleSink sink;

  /** The reporter as brokers create it, reading the broker's own metrics registry. */
  public PartitionLoadReporter() {
    this(() -> KafkaYammerMetrics.defaultRegistry().allMetrics());
  }

  PartitionLoadReporter(Supplier<Map<MetricName, Metric>> metrics) {
    this.metrics = metrics;
  }

  @Override
  public synchronized void configure(Map<String, ?> configs) {
    try {
      var parsed = new LoadReporterConfig(configs);
      var nodeId = parsed.nodeId();
      if (nodeId.isEmpty()) {
        log.error("[load-reporter] not reporting: the broker passed no node.id or broker.id");
        return;
      }
      this.config = parsed;
      this.brokerId = nodeId.get();
    } catch (ConfigException e) {
      log.error("[load-reporter] not reporting: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void init(List<KafkaMetric> metrics) {
    if (config == null || thread != null) {
      return;
    }
    var warnings = new RateLimitedLog(log, WARNING_PERIOD, System::nanoTime);
    sink = new SamplePublisher(config, brokerId, warnings);
    var task =
        new ReportingTask(
            brokerId,
            new BrokerMetricsReader(this.metrics),
            sink,
            Clock.systemUTC(),
            System::nanoTime,
            warnings);
    thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "stratus-load-reporter");
              t.setDaemon(true);
              return t;
            });
    long intervalMs = config.interval().toMillis();
    thread.scheduleWithFixedDelay(task, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    log.info(
        "[load-reporter broker={}] reporting partition load to {} every {} ms",
        brokerId,
        config.topic(),
        intervalMs);
  }

  /** Kafka's own metrics are not what this reporter reads. */
  @Override
  public void metricChange(KafkaMetric metric) {}

  @Override
  public void metricRemoval(KafkaMetric metric) {}

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    if (sink != null) {
      try {
        sink.close();
      } catch (RuntimeException e) {
        log.warn(
            "[load-reporter broker={}] closing its clients failed: {}", brokerId, e.toString());
      }
      sink = null;
    }
  }
}
