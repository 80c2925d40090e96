package io.stratus.balancer.executor;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the {@link PlanExecutor} may push a cluster while it moves partitions.
 *
 * @param maxMovesPerBroker replica moves in flight at once that involve one broker; a move counts
 *     against every broker it adds a replica to or removes one from
 * @param maxMovesInCluster replica moves in flight at once in the whole cluster
 * @param throttleBytesPerSecond the replication rate each involved broker may spend on moving
 *     replicas, as leader and as follower; 0 means no throttle
 * @param maxAttempts how often one partition's reassignment or leader election is tried before the
 *     execution fails
 * @param leaderBatchSize partitions per preferred leader election call, and per call that only
 *     reorders replicas (these copy no data, so the move limits do not apply to them)
 * @param callTimeout the longest one call to the cluster may wait
 * @param inFlightShown how many of the moves in flight {@link ExecutionProgress#inFlight()} lists
 */
public record ExecutorSettings(
    int maxMovesPerBroker,
    int maxMovesInCluster,
    long throttleBytesPerSecond,
    int maxAttempts,
    int leaderBatchSize,
    Duration callTimeout,
    int inFlightShown) {

  /** Default {@link #maxMovesPerBroker()}. */
  public static final int DEFAULT_MAX_MOVES_PER_BROKER = 2;

  /** Default {@link #maxMovesInCluster()}. */
  public static final int DEFAULT_MAX_MOVES_IN_CLUSTER = 10;

  /** Default {@link #throttleBytesPerSecond()}: 50 MiB/s. */
  public static final long DEFAULT_THROTTLE_BYTES_PER_SECOND = 50L * 1024 * 1024;

  /** Default {@link #maxAttempts()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Default {@link #leaderBatchSize()}. */
  public static final int DEFAULT_LEADER_BATCH_SIZE = 100;

  /** Default {@link #callTimeout()}. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

  /** Default {@link #inFlightShown()}. */
  public static final int DEFAULT_IN_FLIGHT_SHOWN = 20;

  public ExecutorSettings {
    Objects.requireNonNull(callTimeout, "callTimeout");
    requireAtLeast("maxMovesPerBroker", maxMovesPerBroker, 1);
    requireAtLeast("maxMovesInCluster", maxMovesInCluster, 1);
    requireAtLeast("maxAttempts", maxAttempts, 1);
    requireAtLeast("leaderBatchSize", leaderBatchSize, 1);
    requireAtLeast("inFlightShown", inFlightShown, 0);
    if (throttleBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "throttleBytesPerSecond must be 0 (no throttle) or positive, was "
              + throttleBytesPerSecond);
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
  }

  /** The defaults: 2 moves per broker, 10 per cluster, 50 MiB/s, 5 attempts, 5 s per call. */
  public static ExecutorSettings defaults() {
    return new ExecutorSettings(
        DEFAULT_MAX_MOVES_PER_BROKER,
        DEFAULT_MAX_MOVES_IN_CLUSTER,
        DEFAULT_THROTTLE_BYTES_PER_SECOND,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_LEADER_BATCH_SIZE,
        DEFAULT_CALL_TIMEOUT,
        DEFAULT_IN_FLIGHT_SHOWN);
  }

  public ExecutorSettings withMaxMovesPerBroker(int moves) {
    return new ExecutorSettings(
        moves,
        maxMovesInCluster,
        throttleBytesPerSecond,
        maxAttempts,
        leaderBatchSize,
        callTimeout,
        inFlightShown);
  }

  public ExecutorSettings withMaxMovesInCluster(int moves) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        moves,
        throttleBytesPerSecond,
        maxAttempts,
        leaderBatchSize,
        callTimeout,
        inFlightShown);
  }

  public ExecutorSettings withThrottleBytesPerSecond(long bytesPerSecond) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        bytesPerSecond,
        maxAttempts,
        leaderBatchSize,
        callTimeout,
        inFlightShown);
  }

  public ExecutorSettings withMaxAttempts(int attempts) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        throttleBytesPerSecond,
        attempts,
        leaderBatchSize,
        callTimeout,
        inFlightShown);
  }

  public ExecutorSettings withLeaderBatchSize(int partitions) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        throttleBytesPerSecond,
        maxAttempts,
        partitions,
        callTimeout,
        inFlightShown);
  }

  public ExecutorSettings withCallTimeout(Duration timeout) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        throttleBytesPerSecond,
        maxAttempts,
        leaderBatchSize,
        timeout,
        inFlightShown);
  }

  public ExecutorSettings withInFlightShown(int moves) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        throttleBytesPerSecond,
        maxAttempts,
        leaderBatchSize,
        callTimeout,
        moves);
  }

  /** Whether moves run under a replication throttle. */
  public boolean throttled() {
    return throttleBytesPerSecond > 0;
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }
}
