package io.stratus.balancer.model;

/** A dimension of broker load that the balancer keeps even. */
public enum Resource {
  /** Replicas hosted, leaders and followers alike. */
  REPLICAS("replicas"),
  /** Partitions led. */
  LEADERS("leaders"),
  /** Bytes kept on the broker's disk: local (hot) bytes only when tiered storage is on. */
  DISK("disk"),
  /**
   * Bytes per second written to the broker: by producers to leaders, by replication to followers.
   */
  NETWORK_IN("networkIn"),
  /** Bytes per second read from the broker: by consumers and by followers, from leaders only. */
  NETWORK_OUT("networkOut");

  private final String key;

  Resource(String key) {
    this.key = key;
  }

  /** The name used for this resource in JSON and in benchmark output. */
  public String key() {
    return key;
  }
}
