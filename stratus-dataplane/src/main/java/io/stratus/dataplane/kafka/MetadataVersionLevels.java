package io.stratus.dataplane.kafka;

/**
 * The KRaft {@code metadata.version} feature of a cluster: the level finalized for the whole
 * cluster, and the highest level the answering broker supports.
 *
 * @param finalized the level in force
 * @param supported the highest level the broker's Kafka version supports
 */
public record MetadataVersionLevels(short finalized, short supported) {

  /** Whether the cluster could move to a higher level than the one in force. */
  public boolean behind() {
    return finalized < supported;
  }
}
