package io.stratus.api;

import java.util.Objects;

/**
 * The load one broker carries, as the balancer last measured it.
 *
 * @param id the Kafka broker id
 * @param state {@code ALIVE} (may take replicas), {@code DRAINING} (being emptied before removal)
 *     or {@code DEAD} (gone; its replicas must be re-created elsewhere)
 * @param replicas replicas it hosts, leaders and followers alike
 * @param leaders partitions it leads
 * @param diskBytes bytes its replicas keep on its own disk; with tiered storage, the local (hot)
 *     segments only
 * @param networkInBytesPerSecond bytes per second written to it, by producers and replication
 * @param networkOutBytesPerSecond bytes per second read from it, by consumers and replication
 */
public record BrokerBalance(
    int id,
    String state,
    int replicas,
    int leaders,
    long diskBytes,
    double networkInBytesPerSecond,
    double networkOutBytesPerSecond) {

  public BrokerBalance {
    Objects.requireNonNull(state, "state");
  }
}
