package io.stratus.plugins.metrics;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one broker saw of one partition it hosts over one sampling interval.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param leader whether this broker led the partition when sampled
 * @param localBytes bytes of the partition's log on this broker's disk (the hot set with tiered
 *     storage)
 * @param logEndOffset the offset of the next message to be appended
 * @param bytesInPerSecond bytes per second produced to the partition over the interval; an
 *     estimate, see {@link ByteRateApportioner}; 0 unless {@code leader}
 * @param bytesOutPerSecond bytes per second consumers fetched from the partition over the interval;
 *     an estimate, see {@link ByteRateApportioner}; 0 unless {@code leader}
 * @param remoteBytes bytes of the partition in the object store, when the broker reports them: an
 *     estimate, see {@link LoadSampler}
 */
public record PartitionSample(
    String topic,
    int partition,
    boolean leader,
    long localBytes,
    long logEndOffset,
    double bytesInPerSecond,
    double bytesOutPerSecond,
    OptionalLong remoteBytes) {

  public PartitionSample {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(remoteBytes, "remoteBytes");
  }
}
