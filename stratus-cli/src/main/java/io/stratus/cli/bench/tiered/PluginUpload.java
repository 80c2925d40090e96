package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.plugins.tiered.StratusRemoteStorageManager;
import io.stratus.plugins.tiered.TieredStorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;

/**
 * Measures the tiered-storage plugin's upload path on its own: copies the closed segments of a
 * topic off the broker, then runs {@link StratusRemoteStorageManager#copyLogSegmentData} in this
 * JVM on each, one after the other, into a directory object store, as one of Kafka's copier threads
 * would. Not thread-safe.
 */
final class PluginUpload {

  /**
   * What the upload did.
   *
   * @param measurement segment bytes uploaded over the wall time of all copies, and the CPU time of
   *     this JVM meanwhile
   * @param segments how many segments were uploaded
   * @param storedBytes bytes the object store holds afterwards (compressed, maybe encrypted)
   */
  record Result(Measurement measurement, int segments, long storedBytes) {}

  private final Clock clock;

  PluginUpload(Clock clock) {
    this.clock = clock;
  }

  /**
   * Copies the closed segments of {@code topic} from the broker's disk into {@code directory}.
   *
   * @param partitionDirectory where the broker keeps the segments of a partition of the topic
   * @throws StratusCliException when there is none (the topic is smaller than one segment)
   */
  static List<SegmentCopy> copyClosedSegments(
      String topic,
      Uuid topicId,
      int partitions,
      IntFunction<Path> partitionDirectory,
      Path directory) {
    List<SegmentCopy> copies = new ArrayList<>();
    try {
      for (int partition = 0; partition < partitions; partition++) {
        List<SegmentFiles.Segment> segments =
            SegmentFiles.list(partitionDirectory.apply(partition));
        Path target = Files.createDirectories(directory.resolve(topic + "-" + partition));
        // The newest segment is the active one; every other one is closed.
        for (int i = 0; i + 1 < segments.size(); i++) {
          SegmentFiles.Segment segment = segments.get(i);
          copies.add(
              new SegmentCopy(
                  new TopicIdPartition(topicId, new TopicPartition(topic, partition)),
                  segment.baseOffset(),
                  segments.get(i + 1).baseOffset() - 1,
                  copy(segment.log(), target),
                  copy(segment.offsetIndex(), target),
                  copy(segment.timeIndex(), target),
                  Files.createFile(
                      target.resolve(String.format("%020d.snapshot", segment.baseOffset())))));
        }
      }
    } catch (IOException e) {
      throw new StratusCliException(
          "cannot copy the segments of topic " + topic + " to " + directory + ": " + e);
    }
    if (copies.isEmpty()) {
      throw new StratusCliException(
          "topic "
              + topic
              + " has no closed segment to upload; give more --megabytes, so that its"
              + " partitions roll segments");
    }
    return List.copyOf(copies);
  }

  /**
   * Uploads {@code segments} with a new RemoteStorageManager storing into {@code objectStore}.
   *
   * @param cacheDirectory the manager's cache and staging directory
   * @param encryptionKeyFile the master key, when segments are encrypted
   * @throws StratusCliException when the plugin refuses the configuration or a copy fails
   */
  Result upload(
      List<SegmentCopy> segments,
      Path objectStore,
      Path cacheDirectory,
      Optional<Path> encryptionKeyFile) {
    Map<String, Object> config = new HashMap<>();
    config.put(TieredStorageConfig.OBJECT_STORE, "file:" + objectStore);
    config.put(TieredStorageConfig.CACHE_DIR, cacheDirectory.toString());
    encryptionKeyFile.ifPresent(
        key -> config.put(TieredStorageConfig.ENCRYPTION_KEY_FILE, key.toString()));
    config.put("node.id", BenchCluster.NODE_ID);
    StratusRemoteStorageManager manager = new StratusRemoteStorageManager();
    try {
      manager.configure(config);
      CpuMeter cpu = new CpuMeter(OptionalLong.empty());
      CpuTime cpuBefore = cpu.now();
      long bytes = 0;
      long started = System.nanoTime();
      for (SegmentCopy segment : segments) {
        manager.copyLogSegmentData(segment.metadata(clock.millis()), segment.data());
        bytes += segment.size();
      }
      long finished = System.nanoTime();
      return new Result(
          new Measurement(Throughput.between(bytes, started, finished), cpu.now().since(cpuBefore)),
          segments.size(),
          SegmentFiles.bytesUnder(objectStore));
    } catch (RemoteStorageException | KafkaException e) {
      throw new StratusCliException("the plugin could not upload a segment: " + e.getMessage());
    } finally {
      manager.close();
    }
  }

  private static Path copy(Path file, Path directory) throws IOException {
    return Files.copy(
        file, directory.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
  }
}
