package io.stratus.balancer.monitor;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Load samples grouped per partition into windows of time, and the rates they average to.
 *
 * <p>Time is cut into windows of a fixed duration aligned to the epoch; a sample lands in the
 * window of its own timestamp. A partition's byte rates are the mean, over the last {@code
 * windowCount} <em>completed</em> windows in which its leader reported, of each window's mean
 * sample. So one spike moves the rate by a fraction only, and the current, incomplete window does
 * not count at all. Only leader samples carry rates; any sample updates the partition's latest
 * size.
 *
 * <p>Samples older than the oldest window in use are dropped, as are samples from the future (a
 * broker clock ahead of the monitor's by more than the rest of the current window). Readiness is
 * counted from the monitor's start: {@link #completedWindows} counts whole windows since then (the
 * window it started in does not count).
 *
 * <p>New partitions: a partition without leader samples in any completed window has zero rates, and
 * its size comes from the Admin API; it does not hold the model back. Brokers: rates are kept per
 * partition, not per broker, so a broker that appears (added, or back from a restart) changes
 * nothing here; a new broker hosts nothing until replicas are moved to it, and the partitions a
 * restarted broker leads again keep the history their earlier leaders reported.
 *
 * <p>Pure and not thread-safe: time is passed in, and one thread owns an instance.
 */
public final class SampleWindows {

  private final int windowCount;
  private final long windowMs;
  private final long startWindow;
  private final Map<TopicPartition, PartitionWindows> windows = new HashMap<>();
  private final Map<TopicPartition, PartitionLoadSample> latest = new HashMap<>();

  /**
   * No samples yet.
   *
   * @param windowCount how many completed windows rates are averaged over
   * @param windowDuration the length of a window, at least 1 ms
   * @param startedAtMs when the monitor started, epoch milliseconds
   */
  public SampleWindows(int windowCount, Duration windowDuration, long startedAtMs) {
    if (windowCount < 1) {
      throw new IllegalArgumentException("window count must be at least 1, was " + windowCount);
    }
    if (windowDuration.toMillis() < 1) {
      throw new IllegalArgumentException(
          "window duration must be at least 1 ms, was " + windowDuration);
    }
    this.windowCount = windowCount;
    this.windowMs = windowDuration.toMillis();
    this.startWindow = windowOf(startedAtMs);
  }

  /**
   * A partition's rates.
   *
   * @param bytesInPerSecond the mean produced rate over the windows with samples
   * @param bytesOutPerSecond the mean consumed rate over the same windows
   * @param windows how many completed windows had leader samples; 0 means no rate is known
   */
  public record Rates(double bytesInPerSecond, double bytesOutPerSecond, int windows) {

    /** No samples: zero rates from zero windows. */
    public static final Rates NONE = new Rates(0, 0, 0);
  }

  /**
   * Records one sample.
   *
   * @param nowMs the monitor's time now
   * @return false if the sample was dropped as too old or from the future
   */
  public boolean add(PartitionLoadSample sample, long nowMs) {
    long current = windowOf(nowMs);
    long window = windowOf(sample.timestampMs());
    if (window > current || window < current - windowCount) {
      return false;
    }
    TopicPartition partition = sample.topicPartition();
    if (sample.leader()) {
      windows
          .computeIfAbsent(partition, p -> new PartitionWindows(windowCount))
          .add(window, sample.bytesInPerSecond(), sample.bytesOutPerSecond());
    }
    latest.merge(partition, sample, SampleWindows::newer);
    return true;
  }

  /** The partition's rates over the completed windows in use at {@code nowMs}. */
  public Rates rates(TopicPartition partition, long nowMs) {
    PartitionWindows ring = windows.get(partition);
    if (ring == null) {
      return Rates.NONE;
    }
    long current = windowOf(nowMs);
    return ring.mean(current - windowCount, current - 1);
  }

  /**
   * The partition's latest sample: its leader's if a leader reported since the partition was last
   * forgotten, else any replica's.
   */
  public Optional<PartitionLoadSample> latest(TopicPartition partition) {
    return Optional.ofNullable(latest.get(partition));
  }

  /** Whole windows completed since the monitor started, at {@code nowMs}. */
  public int completedWindows(long nowMs) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, windowOf(nowMs) - startWindow - 1));
  }

  /**
   * Forgets partitions not in {@code partitions} (deleted topics) and partitions with no sample in
   * any window still in use, so that memory follows the cluster.
   */
  public void retainOnly(Set<TopicPartition> partitions, long nowMs) {
    long oldestInUse = windowOf(nowMs) - windowCount;
    windows.keySet().removeIf(p -> !partitions.contains(p));
    windows.entrySet().removeIf(e -> e.getValue().newestWindow() < oldestInUse);
    latest.keySet().removeIf(p -> !partitions.contains(p));
    latest.entrySet().removeIf(e -> windowOf(e.getValue().timestampMs()) < oldestInUse);
  }

  /** The number of partitions with samples. */
  public int partitions() {
    return latest.size();
  }

  private long windowOf(long timestampMs) {
    return Math.floorDiv(timestampMs, windowMs);
  }

  /** Leaders' samples win over followers'; among equals, the later one. */
  private static PartitionLoadSample newer(PartitionLoadSample kept, PartitionLoadSample offered) {
    if (offered.leader() != kept.leader()) {
      return offered.leader() ? offered : kept;
    }
    return offered.timestampMs() >= kept.timestampMs() ? offered : kept;
  }
}
