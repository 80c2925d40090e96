package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.cli.wait.ProgressLine;
import io.stratus.cli.wait.Sleeper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

/**
 * The bench's use of the Admin client before it measures: waiting until the broker answers, and
 * creating the two topics. Not thread-safe.
 */
final class BenchAdmin {

  private static final Duration BROKER_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration BROKER_POLL = Duration.ofMillis(500);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final Sleeper sleeper;
  private final ProgressLine progress;

  BenchAdmin(Admin admin, Sleeper sleeper, ProgressLine progress) {
    this.admin = admin;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /**
   * Returns once the broker answers, with how long that took.
   *
   * @throws StratusCliException when it exits or does not answer within two minutes
   */
  Duration awaitBroker(BenchCluster cluster) throws InterruptedException {
    long started = System.nanoTime();
    while (true) {
      boolean answered;
      try {
        answered = !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
      } catch (ExecutionException | TimeoutException e) {
        answered = false;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (answered) {
        progress.finish();
        return elapsed;
      }
      if (!cluster.brokerAlive()) {
        progress.finish();
        throw new StratusCliException(
            "the broker exited while starting; see its log: " + cluster.brokerLog());
      }
      if (elapsed.compareTo(BROKER_TIMEOUT) > 0) {
        progress.finish();
        throw new StratusCliException(
            "the broker did not answer within " + BROKER_TIMEOUT.toMinutes() + " minutes");
      }
      progress.show("waiting for the broker to answer", elapsed);
      sleeper.sleep(BROKER_POLL);
    }
  }

  /**
   * Creates both topics; returns their topic ids by name.
   *
   * @throws StratusCliException when the broker refuses or does not answer
   */
  Map<String, Uuid> createTopics(int partitions) throws InterruptedException {
    List<String> names = List.of(BenchTopics.LOCAL_ONLY, BenchTopics.TIERED);
    try {
      admin
          .createTopics(BenchTopics.newTopics(partitions))
          .all()
          .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<String, TopicDescription> described =
          admin
              .describeTopics(names)
              .allTopicNames()
              .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<String, Uuid> ids = new HashMap<>();
      described.forEach((name, description) -> ids.put(name, description.topicId()));
      return ids;
    } catch (ExecutionException | TimeoutException e) {
      throw new StratusCliException(
          "cannot create topics "
              + names
              + ": "
              + (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }
}
