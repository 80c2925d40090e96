package io.stratus.balancer.optimizer;

/**
 * What the optimizer aims for: distribution thresholds, utilisation limits and the seed of its
 * tie-breaks. A value; thread-safe.
 *
 * <p>A distribution goal holds when every alive broker's load lies within {@code mean × (1 −
 * lowerThreshold)} and {@code mean × (1 + upperThreshold)}. The default lower threshold, 0.20,
 * fills brokers added empty to 80 % of the mean in one plan, and no further: with a fifth of the
 * brokers new and the rest at 125 % of the mean, the bytes that must leave the overloaded brokers
 * (the lower bound) are 12 % of all local bytes, while filling the new brokers to 80 % moves 16 %,
 * and to 90 % 18 %. Measured on the synthetic clusters of {@code stratus bench balancer} (seed 1),
 * the bytes a plan copies over the lower bound are, for 100 and 1,000 brokers: 1.58 and 1.50 with a
 * lower threshold of 0.10; 1.52 and 1.41 with 0.15; 1.44 and 1.33 with 0.20; 1.38 and 1.25 with
 * 0.25; 1.33 and 1.17 with 0.30. 0.20 is the largest share for new brokers that keeps both under
 * 1.5.
 *
 * @param upperThreshold how far above the mean a broker may be, as a share of the mean
 * @param lowerThreshold how far below the mean a broker may be, as a share of the mean
 * @param topicReplicaGap replicas of one topic a broker may hold beyond its rounded mean
 * @param replicaUtilisationLimit the share of {@code maxReplicas} a broker may host
 * @param diskUtilisationLimit the share of disk capacity a broker may use
 * @param networkInUtilisationLimit the share of network-in capacity a broker may use
 * @param networkOutUtilisationLimit the share of network-out capacity a broker may use
 * @param seed the seed of the optimizer's tie-breaks: the same model and seed give the same plan
 */
public record BalancerSettings(
    double upperThreshold,
    double lowerThreshold,
    int topicReplicaGap,
    double replicaUtilisationLimit,
    double diskUtilisationLimit,
    double networkInUtilisationLimit,
    double networkOutUtilisationLimit,
    long seed) {

  public BalancerSettings {
    requireShare("upperThreshold", upperThreshold, 0, 10);
    requireShare("lowerThreshold", lowerThreshold, 0, 1);
    requireShare("replicaUtilisationLimit", replicaUtilisationLimit, 0.01, 1);
    requireShare("diskUtilisationLimit", diskUtilisationLimit, 0.01, 1);
    requireShare("networkInUtilisationLimit", networkInUtilisationLimit, 0.01, 1);
    requireShare("networkOutUtilisationLimit", networkOutUtilisationLimit, 0.01, 1);
    if (topicReplicaGap < 0) {
      throw new IllegalArgumentException(
          "topicReplicaGap must be 0 or more, got " + topicReplicaGap);
    }
  }

  /**
   * Upper 0.10, lower 0.20, topic gap 1, replicas up to 100 % and disk and network 80 %, seed 0.
   */
  public static BalancerSettings defaults() {
    return new BalancerSettings(0.10, 0.20, 1, 1.0, 0.8, 0.8, 0.8, 0);
  }

  public BalancerSettings withUpperThreshold(double value) {
    return new BalancerSettings(
        value,
        lowerThreshold,
        topicReplicaGap,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withLowerThreshold(double value) {
    return new BalancerSettings(
        upperThreshold,
        value,
        topicReplicaGap,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withTopicReplicaGap(int value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        value,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withReplicaUtilisationLimit(double value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        topicReplicaGap,
        value,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withDiskUtilisationLimit(double value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        topicReplicaGap,
        replicaUtilisationLimit,
        value,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withNetworkInUtilisationLimit(double value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        topicReplicaGap,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        value,
        networkOutUtilisationLimit,
        seed);
  }

  public BalancerSettings withNetworkOutUtilisationLimit(double value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        topicReplicaGap,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        value,
        seed);
  }

  public BalancerSettings withSeed(long value) {
    return new BalancerSettings(
        upperThreshold,
        lowerThreshold,
        topicReplicaGap,
        replicaUtilisationLimit,
        diskUtilisationLimit,
        networkInUtilisationLimit,
        networkOutUtilisationLimit,
        value);
  }

  private static void requireShare(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be from " + min + " to " + max + ", got " + value);
    }
  }
}
