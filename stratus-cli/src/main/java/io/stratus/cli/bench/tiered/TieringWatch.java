package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.cli.wait.ProgressLine;
import io.stratus.cli.wait.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the tiered topic is tiered: for every partition the broker's earliest local offset
 * has reached the segment being written (all closed segments were copied to the object store and
 * deleted locally), and the object store holds their bytes. Polls the broker's offsets and its data
 * directory, showing progress. Not thread-safe.
 */
final class TieringWatch {

  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final BenchCluster cluster;
  private final Path objectStore;
  private final Sleeper sleeper;
  private final ProgressLine progress;

  TieringWatch(
      Admin admin, BenchCluster cluster, Path objectStore, Sleeper sleeper, ProgressLine progress) {
    this.admin = admin;
    this.cluster = cluster;
    this.objectStore = objectStore;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /**
   * Returns once {@code topic} is tiered.
   *
   * @throws StratusCliException when it is not within {@code timeout}, or the broker stopped
   */
  TieringProgress await(String topic, int partitions, Duration timeout)
      throws InterruptedException {
    long started = System.nanoTime();
    while (true) {
      TieringProgress now = observe(topic, partitions);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (now.done()) {
        progress.finish();
        return now;
      }
      if (!cluster.brokerAlive()) {
        progress.finish();
        throw new StratusCliException(
            "the broker stopped while tiering; see " + cluster.brokerLog());
      }
      if (elapsed.compareTo(timeout) > 0) {
        progress.finish();
        throw new StratusCliException(
            "topic "
                + topic
                + " was not tiered after "
                + timeout.toMinutes()
                + " minutes: "
                + now.describe()
                + "; partitions "
                + now.partitions()
                + ". See the broker's log: "
                + cluster.brokerLog());
      }
      progress.show("waiting for segments to tier: " + now.describe(), elapsed);
      sleeper.sleep(POLL);
    }
  }

  private TieringProgress observe(String topic, int partitions) throws InterruptedException {
    List<TopicPartition> all =
        IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    Map<TopicPartition, Long> earliestLocal = offsets(all, OffsetSpec.earliestLocal());
    Map<TopicPartition, Long> end = offsets(all, OffsetSpec.latest());
    List<PartitionTiering> states = new ArrayList<>();
    for (TopicPartition partition : all) {
      states.add(
          new PartitionTiering(
              partition.partition(),
              earliestLocal.get(partition),
              SegmentFiles.activeBaseOffset(
                  cluster.partitionDirectory(topic, partition.partition())),
              end.get(partition)));
    }
    return new TieringProgress(states, SegmentFiles.bytesUnder(objectStore));
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException {
    try {
      Map<TopicPartition, ListOffsetsResultInfo> answer =
          admin
              .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
              .all()
              .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return answer.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    } catch (ExecutionException | TimeoutException e) {
      throw new StratusCliException(
          "cannot list the offsets of "
              + partitions
              + ": "
              + (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }
}
