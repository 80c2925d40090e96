package io.stratus.cli.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Watches, every {@link #INTERVAL}, how many of a cluster's brokers are registered and unfenced, as
 * the cluster's own metadata says (an Admin client on the internal listener, {@code
 * describeCluster} with fenced brokers included), and keeps the most missing at once. Broker
 * processes are not looked at: a broker that runs but is fenced is missing, which is what clients
 * feel. The counting is {@link AvailabilityTracker}'s; this class only samples. Test support for
 * lifecycle E2E tests.
 *
 * <p>Thread-safe: sampling runs on the watch's own thread; every method may be called from any
 * thread.
 */
final class BrokerAvailabilityWatch implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;
  private final Clock clock;
  private final AvailabilityTracker tracker;
  private final ScheduledExecutorService sampler;

  private BrokerAvailabilityWatch(Properties internalClient, int expectedBrokers, Clock clock) {
    this.clock = clock;
    this.tracker = new AvailabilityTracker(clock.instant(), expectedBrokers);
    this.admin = Admin.create(internalClient);
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "broker-availability-watch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts watching a cluster that should have {@code expectedBrokers} brokers.
   *
   * @param internalClient settings for the cluster's internal listener, as from {@link
   *     InternalClient#properties}
   */
  static BrokerAvailabilityWatch start(Properties internalClient, int expectedBrokers) {
    BrokerAvailabilityWatch watch =
        new BrokerAvailabilityWatch(internalClient, expectedBrokers, Clock.systemUTC());
    watch.sampler.scheduleWithFixedDelay(
        watch::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /**
   * From the next sample on the cluster should have {@code brokers} brokers: call it once a new
   * broker is meant to serve (expand), or once a leaving broker is meant to be gone (shrink).
   */
  void expect(int brokers) {
    tracker.expect(clock.instant(), brokers);
  }

  /** The most brokers missing at once in any successful sample so far. */
  int maxDown() {
    return tracker.maxDown();
  }

  /** Brokers missing in the latest successful sample. */
  int down() {
    return tracker.down();
  }

  /** Successful samples so far; a test can wait for the first before it starts an operation. */
  long samples() {
    return tracker.samples();
  }

  /** Samples that failed (timeouts while brokers restart); they count toward nothing else. */
  long samplingErrors() {
    return tracker.samplingErrors();
  }

  /** Each change of the brokers seen, the expectation, or the sampling, oldest first. */
  List<AvailabilityTracker.Change> changes() {
    return tracker.changes();
  }

  /** One line: the worst moment, the sampling, how many changes. */
  String describe() {
    return tracker.describe();
  }

  /**
   * Stops sampling and closes the Admin client. If interrupted while waiting for the last sample,
   * returns with the interrupt flag set.
   */
  @Override
  public void close() {
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(SAMPLE_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      admin.close(Duration.ofSeconds(5));
    }
  }

  private void sample() {
    try {
      List<Node> nodes =
          List.copyOf(
              admin
                  .describeCluster(
                      new DescribeClusterOptions()
                          .includeFencedBrokers(true)
                          .timeoutMs((int) SAMPLE_TIMEOUT.toMillis()))
                  .nodes()
                  .get(SAMPLE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS));
      Set<Integer> unfenced = new HashSet<>();
      Set<Integer> fenced = new HashSet<>();
      for (Node node : nodes) {
        (node.isFenced() ? fenced : unfenced).add(node.id());
      }
      tracker.sampled(clock.instant(), unfenced, fenced);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      tracker.samplingFailed(clock.instant(), String.valueOf(e.getCause()));
    } catch (Exception e) {
      // Never let an exception escape: the executor would stop sampling without a word.
      tracker.samplingFailed(clock.instant(), e.toString());
    }
  }
}
