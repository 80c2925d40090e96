package io.stratus.plugins.metrics;

import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One sampling interval of the reporter: read the broker's metrics, turn the change since the last
 * read into samples, hand them to the sink. The first run only takes the starting point; a broker
 * hosting nothing sends nothing. A failure is logged (rate-limited) and that interval's samples are
 * dropped; the next run measures from this one's read, so rates stay right. Not thread-safe: run by
 * the reporter's one thread.
 */
final class ReportingTask implements Runnable {

  private final int brokerId;
  private final BrokerMetricsReader reader;
  private final SampleSink sink;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final RateLimitedLog log;
  private MetricsSnapshot previous;

  ReportingTask(
      int brokerId,
      BrokerMetricsReader reader,
      SampleSink sink,
      Clock clock,
      LongSupplier nanoTime,
      RateLimitedLog log) {
    this.brokerId = brokerId;
    this.reader = reader;
    this.sink = sink;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.log = log;
  }

  @Override
  public void run() {
    try {
      MetricsSnapshot current = reader.read(nanoTime.getAsLong(), clock.millis());
      MetricsSnapshot before = previous;
      previous = current.running() ? current : null;
      if (before == null || !current.running()) {
        return;
      }
      List<PartitionSample> samples = LoadSampler.samples(before, current);
      if (samples.isEmpty()) {
        return;
      }
      long intervalMs = (current.monotonicNanos() - before.monotonicNanos()) / 1_000_000;
      sink.publish(new SampleBatch(brokerId, current.timestampMs(), intervalMs, samples));
    } catch (RuntimeException e) {
      log.warn("[load-reporter broker=" + brokerId + "] sample skipped: " + e);
    }
  }
}
