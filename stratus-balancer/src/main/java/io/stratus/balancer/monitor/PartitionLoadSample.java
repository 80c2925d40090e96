package io.stratus.balancer.monitor;

import java.util.Objects;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * What one broker reported about one partition it hosts, for one sampling interval.
 *
 * @param broker the reporting broker's id
 * @param timestampMs when the sample was taken (the end of its interval), epoch milliseconds
 * @param topic the topic
 * @param partition the partition number
 * @param leader whether the reporting broker led the partition
 * @param localBytes bytes of the partition on the reporting broker's disk
 * @param logEndOffset the partition's log end offset on that broker
 * @param bytesInPerSecond bytes per second produced over the interval (leaders only; an estimate)
 * @param bytesOutPerSecond bytes per second consumers fetched over the interval (leaders only; an
 *     estimate)
 * @param remoteBytes bytes in the object store, when the broker reported them (an estimate from a
 *     per-topic figure)
 */
public record PartitionLoadSample(
    int broker,
    long timestampMs,
    String topic,
    int partition,
    boolean leader,
    long localBytes,
    long logEndOffset,
    double bytesInPerSecond,
    double bytesOutPerSecond,
    OptionalLong remoteBytes) {

  public PartitionLoadSample {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(remoteBytes, "remoteBytes");
  }

  /** The partition the sample is about. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }
}
