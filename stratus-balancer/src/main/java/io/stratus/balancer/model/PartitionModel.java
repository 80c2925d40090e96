package io.stratus.balancer.model;

import java.util.List;
import java.util.Objects;

/**
 * One partition of the model with the load it brings.
 *
 * <p>Leader and follower load differ: every replica keeps {@code localBytes} on disk and takes
 * {@code bytesInPerSecond} in (from producers at the leader, by replication at followers); only the
 * leader sends, {@code bytesOutPerSecond} to consumers plus {@code bytesInPerSecond} to each
 * follower.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param replicas the replica list in Kafka's order; its first entry is the preferred leader
 * @param leader the current leader, or {@link #NO_LEADER}
 * @param localBytes bytes each replica keeps on its broker's disk (the hot set with tiered storage)
 * @param remoteBytes bytes kept in the object store, which moving a replica does not copy
 * @param bytesInPerSecond bytes per second produced to the partition
 * @param bytesOutPerSecond bytes per second consumers fetch from the partition's leader
 */
public record PartitionModel(
    String topic,
    int partition,
    List<Integer> replicas,
    int leader,
    long localBytes,
    long remoteBytes,
    double bytesInPerSecond,
    double bytesOutPerSecond) {

  /** The {@link #leader()} of a partition that has none. */
  public static final int NO_LEADER = -1;

  public PartitionModel {
    Objects.requireNonNull(topic, "topic");
    replicas = List.copyOf(replicas);
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException(topic + "-" + partition + " has no replicas");
    }
    if (replicas.stream().distinct().count() != replicas.size()) {
      throw new IllegalArgumentException(
          topic + "-" + partition + " lists a broker twice: " + replicas);
    }
    if (leader != NO_LEADER && !replicas.contains(leader)) {
      throw new IllegalArgumentException(
          topic + "-" + partition + " is led by " + leader + ", which is not in " + replicas);
    }
    if (localBytes < 0 || remoteBytes < 0 || bytesInPerSecond < 0 || bytesOutPerSecond < 0) {
      throw new IllegalArgumentException(topic + "-" + partition + " has a negative load");
    }
  }

  /** The partition's name as Kafka prints it, {@code topic-partition}. */
  public String name() {
    return topic + "-" + partition;
  }

  /** The bytes per second the leader sends: to consumers, and to every follower. */
  public double leaderBytesOutPerSecond() {
    return bytesOutPerSecond + bytesInPerSecond * (replicas.size() - 1);
  }
}
