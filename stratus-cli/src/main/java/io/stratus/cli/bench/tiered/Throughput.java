package io.stratus.cli.bench.tiered;

import java.time.Duration;

/**
 * Bytes moved in a measured wall time.
 *
 * @param bytes payload bytes moved (key and value bytes for clients, segment bytes for uploads)
 * @param elapsed the wall time they took
 */
record Throughput(long bytes, Duration elapsed) {

  /** Bytes in a MB, as Kafka's performance tools count them. */
  static final double BYTES_PER_MB = 1024.0 * 1024.0;

  Throughput {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
    }
    if (elapsed.isNegative() || elapsed.isZero()) {
      throw new IllegalArgumentException("elapsed time must be positive, was " + elapsed);
    }
  }

  /** The bytes moved between {@code startNanos} and {@code endNanos} of {@link System#nanoTime}. */
  static Throughput between(long bytes, long startNanos, long endNanos) {
    return new Throughput(bytes, Duration.ofNanos(Math.max(1, endNanos - startNanos)));
  }

  /** MB (2^20 bytes) per second. */
  double megabytesPerSecond() {
    return bytes / BYTES_PER_MB / seconds();
  }

  double seconds() {
    return elapsed.toNanos() / 1e9;
  }
}
