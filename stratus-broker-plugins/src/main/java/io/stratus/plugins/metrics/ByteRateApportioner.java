package io.stratus.plugins.metrics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Splits one topic's byte rate on a broker over the topic's partitions led there.
 *
 * <p>Kafka meters bytes in and out per topic and broker only ({@code BytesInPerSec}/{@code
 * BytesOutPerSec}), not per partition. What it does keep per partition is the log end offset, so
 * the estimate is: each partition's share of the topic's bytes is its share of the messages
 * appended to the topic's partitions led here over the same interval (the growth of their log end
 * offsets). It is exact when the topic's messages are of one size, and skews towards partitions of
 * smaller messages otherwise. Bytes out use the same share, which assumes consumers read what is
 * produced; reads of old data on a quiet partition are credited to the busy ones. When no message
 * was appended, bytes out (reads of older data) are split evenly, but bytes in are credited to no
 * partition: the meter and the offsets are read a moment apart, so bytes in without appends are
 * appends the offsets will show next interval, and splitting them evenly would inflate the quiet
 * partitions. Pure; thread-safe.
 */
final class ByteRateApportioner {

  private ByteRateApportioner() {}

  /**
   * Each partition's part of {@code topicBytesPerSecond}.
   *
   * @param topicBytesPerSecond the topic's rate on this broker
   * @param offsetGrowth per partition of the topic led here, the messages appended over the
   *     interval; negative values (a truncated log) count as none
   * @param evenWithoutAppends whether to split the rate evenly when nothing was appended (bytes
   *     out), rather than credit it to no partition (bytes in)
   * @return the same partitions, with rates summing to {@code topicBytesPerSecond} unless nothing
   *     was appended and {@code evenWithoutAppends} is false
   */
  static Map<TopicPartition, Double> apportion(
      double topicBytesPerSecond,
      Map<TopicPartition, Long> offsetGrowth,
      boolean evenWithoutAppends) {
    var rates = new HashMap<TopicPartition, Double>();
    if (offsetGrowth.isEmpty()) {
      return rates;
    }
    long total = 0;
    for (long growth : offsetGrowth.values()) {
      total += Math.max(0, growth);
    }
    for (Map.Entry<TopicPartition, Long> entry : offsetGrowth.entrySet()) {
      if (total == 0 && !evenWithoutAppends) {
        rates.put(entry.getKey(), 0.0);
        continue;
      }
      double share =
          total == 0 ? 1.0 / offsetGrowth.size() : (double) Math.max(0, entry.getValue()) / total;
      rates.put(entry.getKey(), topicBytesPerSecond * share);
    }
    return rates;
  }
}
