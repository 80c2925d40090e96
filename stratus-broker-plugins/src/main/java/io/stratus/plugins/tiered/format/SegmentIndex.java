package io.stratus.plugins.tiered.format;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.kafka.server.log.remote.storage.RemoteStorageManager.IndexType;

/**
 * The indexes stored with a segment, under names of our own so the stored format does not depend on
 * the spelling of Kafka's {@link IndexType} constants.
 */
public enum SegmentIndex {
  OFFSET("offset", IndexType.OFFSET),
  TIMESTAMP("timestamp", IndexType.TIMESTAMP),
  PRODUCER_SNAPSHOT("producer-snapshot", IndexType.PRODUCER_SNAPSHOT),
  TRANSACTION("transaction", IndexType.TRANSACTION),
  LEADER_EPOCH("leader-epoch", IndexType.LEADER_EPOCH);

  private final String wireName;
  private final IndexType kafkaType;

  SegmentIndex(String wireName, IndexType kafkaType) {
    this.wireName = wireName;
    this.kafkaType = kafkaType;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The index Kafka asks for with {@code type}. */
  public static SegmentIndex of(IndexType type) {
    for (SegmentIndex index : values()) {
      if (index.kafkaType == type) {
        return index;
      }
    }
    throw new IllegalArgumentException("no stored index for Kafka index type " + type);
  }

  /**
   * Reads a wire name.
   *
   * @throws IllegalArgumentException for a name this version does not know
   */
  @JsonCreator
  public static SegmentIndex fromWireName(String name) {
    for (SegmentIndex index : values()) {
      if (index.wireName.equals(name)) {
        return index;
      }
    }
    throw new IllegalArgumentException("unknown index type '" + name + "'");
  }
}
