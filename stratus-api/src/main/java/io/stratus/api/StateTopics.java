package io.stratus.api;

import java.util.Map;

/**
 * The Kafka topics that carry the platform's state between the control plane and the agents. Both
 * are compacted and keyed by resource ({@link DesiredEvent#resourceKey()}, {@link
 * StatusEvent#resourceKey()}), so reading either from the beginning gives the latest state of every
 * resource.
 */
public final class StateTopics {

  /** Desired state; written only by the active control plane, in transactions. */
  public static final String DESIRED = "_stratus.desired";

  /** Status and agent registrations; written by the agents. */
  public static final String STATUS = "_stratus.status";

  private StateTopics() {}

  /** The topic configuration both state topics are created with. */
  public static Map<String, String> topicConfig() {
    return Map.of(
        "cleanup.policy", "compact",
        "min.compaction.lag.ms", "0",
        // Tombstones must outlive any reader that is down for a while, so it sees deletions.
        "delete.retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000));
  }
}
