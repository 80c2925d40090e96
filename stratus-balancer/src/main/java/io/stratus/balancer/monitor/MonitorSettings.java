package io.stratus.balancer.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LoadMonitor} reads and averages load samples.
 *
 * @param samplesTopic the topic brokers publish samples to
 * @param windowCount how many completed windows a partition's rates are averaged over
 * @param windowDuration the length of one window; windows are aligned to multiples of it since the
 *     epoch, so every broker's samples fall in the same windows
 * @param minWindows how many windows must have completed since the monitor started before it offers
 *     a model, from 1 to {@code windowCount}
 * @param adminTimeout the longest any one Admin call may take
 * @param pollTimeout the longest {@link LoadMonitor#poll()} waits for samples
 */
public record MonitorSettings(
    String samplesTopic,
    int windowCount,
    Duration windowDuration,
    int minWindows,
    Duration adminTimeout,
    Duration pollTimeout) {

  /**
   * The topic brokers' load reporters publish to, {@value}; the broker plugin's {@code
   * LoadReporterConfig.DEFAULT_TOPIC} has the same value.
   */
  public static final String DEFAULT_SAMPLES_TOPIC = "__stratus_partition_load";

  public static final int DEFAULT_WINDOW_COUNT = 5;
  public static final Duration DEFAULT_WINDOW_DURATION = Duration.ofSeconds(60);
  public static final int DEFAULT_MIN_WINDOWS = 3;
  public static final Duration DEFAULT_ADMIN_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(100);

  public MonitorSettings {
    Objects.requireNonNull(samplesTopic, "samplesTopic");
    Objects.requireNonNull(windowDuration, "windowDuration");
    Objects.requireNonNull(adminTimeout, "adminTimeout");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (samplesTopic.isBlank()) {
      throw new IllegalArgumentException("samples topic must not be blank");
    }
    if (windowCount < 1) {
      throw new IllegalArgumentException("window count must be at least 1, was " + windowCount);
    }
    if (windowDuration.toMillis() < 1) {
      throw new IllegalArgumentException(
          "window duration must be at least 1 ms, was " + windowDuration);
    }
    if (minWindows < 1 || minWindows > windowCount) {
      throw new IllegalArgumentException(
          "min windows must be 1 to the window count " + windowCount + ", was " + minWindows);
    }
    if (adminTimeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          "admin timeout must be at least 1 ms, was " + adminTimeout);
    }
    if (pollTimeout.isNegative()) {
      throw new IllegalArgumentException("poll timeout must not be negative, was " + pollTimeout);
    }
  }

  /** Five one-minute windows, a model after three, on {@value #DEFAULT_SAMPLES_TOPIC}. */
  public static MonitorSettings defaults() {
    return new MonitorSettings(
        DEFAULT_SAMPLES_TOPIC,
        DEFAULT_WINDOW_COUNT,
        DEFAULT_WINDOW_DURATION,
        DEFAULT_MIN_WINDOWS,
        DEFAULT_ADMIN_TIMEOUT,
        DEFAULT_POLL_TIMEOUT);
  }

  /** These settings with other windows. */
  public MonitorSettings withWindows(int count, Duration duration, int min) {
    return new MonitorSettings(samplesTopic, count, duration, min, adminTimeout, pollTimeout);
  }

  /** These settings reading another topic. */
  public MonitorSettings withSamplesTopic(String topic) {
    return new MonitorSettings(
        topic, windowCount, windowDuration, minWindows, adminTimeout, pollTimeout);
  }

  /** These settings with another Admin timeout. */
  public MonitorSettings withAdminTimeout(Duration timeout) {
    return new MonitorSettings(
        samplesTopic, windowCount, windowDuration, minWindows, timeout, pollTimeout);
  }

  /** These settings with another poll timeout. */
  public MonitorSettings withPollTimeout(Duration timeout) {
    return new MonitorSettings(
        samplesTopic, windowCount, windowDuration, minWindows, adminTimeout, timeout);
  }
}
