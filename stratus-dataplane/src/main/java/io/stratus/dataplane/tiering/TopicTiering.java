package io.stratus.dataplane.tiering;

/**
 * What decides whether a topic should tier: its cleanup policy and its {@code
 * remote.storage.enable} setting.
 *
 * @param topic the topic's name
 * @param cleanupPolicy the topic's {@code cleanup.policy}, e.g. {@code delete} or {@code
 *     compact,delete}
 * @param remoteStorageEnabled the topic's {@code remote.storage.enable}
 * @param remoteStorageSetByUser whether someone set {@code remote.storage.enable} on the topic,
 *     rather than it being Kafka's default
 */
public record TopicTiering(
    String topic,
    String cleanupPolicy,
    boolean remoteStorageEnabled,
    boolean remoteStorageSetByUser) {

  /**
   * Whether the platform should turn tiering on: the topic is not internal, not compacted (Kafka
   * cannot tier compacted topics), not tiered yet, and nobody chose for it.
   */
  public boolean shouldEnable() {
    return !topic.startsWith("__")
        && !cleanupPolicy.contains("compact")
        && !remoteStorageEnabled
        && !remoteStorageSetByUser;
  }
}
