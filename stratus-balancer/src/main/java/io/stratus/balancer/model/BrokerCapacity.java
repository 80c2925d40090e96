package io.stratus.balancer.model;

/**
 * What one broker can carry. A broker at or above capacity on any resource violates a hard goal.
 *
 * @param diskBytes bytes its log directory can hold
 * @param networkInBytesPerSecond bytes per second it can take in
 * @param networkOutBytesPerSecond bytes per second it can send
 * @param maxReplicas replicas it may host
 */
public record BrokerCapacity(
    long diskBytes,
    double networkInBytesPerSecond,
    double networkOutBytesPerSecond,
    int maxReplicas) {

  public BrokerCapacity {
    if (diskBytes <= 0
        || networkInBytesPerSecond <= 0
        || networkOutBytesPerSecond <= 0
        || maxReplicas <= 0) {
      throw new IllegalArgumentException(
          "broker capacity must be positive, was disk="
              + diskBytes
              + " in="
              + networkInBytesPerSecond
              + " out="
              + networkOutBytesPerSecond
              + " replicas="
              + maxReplicas);
    }
  }

  /**
   * The capacity for one resource; replicas and leaders are both bounded by {@code maxReplicas}.
   */
  public double of(Resource resource) {
    switch (resource) {
      case REPLICAS:
      case LEADERS:
        return maxReplicas;
      case DISK:
        return diskBytes;
      case NETWORK_IN:
        return networkInBytesPerSecond;
      case NETWORK_OUT:
        return networkOutBytesPerSecond;
      default:
        throw new IllegalArgumentException("unknown resource " + resource);
    }
  }
}
