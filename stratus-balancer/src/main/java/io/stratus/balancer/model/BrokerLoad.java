package io.stratus.balancer.model;

/**
 * The load one broker carries in a model.
 *
 * @param replicas replicas it hosts
 * @param leaders partitions it leads
 * @param diskBytes bytes its replicas keep on its disk
 * @param networkInBytesPerSecond bytes per second written to it
 * @param networkOutBytesPerSecond bytes per second read from it
 */
public record BrokerLoad(
    int replicas,
    int leaders,
    long diskBytes,
    double networkInBytesPerSecond,
    double networkOutBytesPerSecond) {

  /** No load at all. */
  public static final BrokerLoad EMPTY = new BrokerLoad(0, 0, 0, 0, 0);

  /** The load on one resource. */
  public double of(Resource resource) {
    switch (resource) {
      case REPLICAS:
        return replicas;
      case LEADERS:
        return leaders;
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
