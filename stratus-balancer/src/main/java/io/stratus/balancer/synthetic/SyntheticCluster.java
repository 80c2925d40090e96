package io.stratus.balancer.synthetic;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up cluster with the shape of a real one that has just grown: four fifths of the brokers
 * hold every partition in a random rack-aware placement, one fifth are new and empty.
 *
 * <ul>
 *   <li>Brokers have ids 1 to {@code brokers}, racks {@code rack-0}… assigned round-robin, so new
 *       brokers are spread over the racks too; the new ones are the highest ids.
 *   <li>Partitions have RF 3 (fewer if there are fewer old brokers) and belong to topics of 1 to
 *       100 partitions, the last topic cut short to make up {@code partitions}.
 *   <li>Load is heavy-tailed, log-normal at two levels: a topic's produce rate per partition
 *       (median 128 KiB/s, σ 1.0), its consumer fan-out (median 2, σ 0.5) and the time its hot set
 *       spans (median 1 hour, σ 0.5); each partition then varies around its topic (σ 0.3 for its
 *       rate, 0.2 for its local bytes). Remote bytes are 1 to 10 times the local ones.
 *   <li>Replicas go to distinct racks where there are enough, and to a random old broker within
 *       each rack; the first replica leads.
 *   <li>Every broker's capacity is 2.5 times the mean load per broker (over all brokers, new ones
 *       included) for disk, network in, network out and replicas: a balanced placement fits with
 *       room, while the old brokers, carrying 125 % of the mean, use half of theirs.
 * </ul>
 *
 * <p>Pure and deterministic: the same arguments give the same model.
 */
public final class SyntheticCluster {

  /** The replication factor of every partition when there are enough old brokers. */
  public static final int REPLICATION_FACTOR = 3;

  /** The share of brokers that are new and empty. */
  public static final double NEW_BROKER_SHARE = 0.2;

  /** Capacity over the mean load per broker. */
  public static final double CAPACITY_HEADROOM = 2.5;

  private static final int MAX_TOPIC_PARTITIONS = 100;

  private SyntheticCluster() {}

  /**
   * The model of a cluster with {@code brokers} brokers over {@code racks} racks and {@code
   * partitions} partitions.
   *
   * @throws IllegalArgumentException if there are fewer than 2 brokers, fewer than 1 partition, or
   *     racks are not from 1 to the number of brokers
   */
  public static ClusterModel generate(int brokers, int partitions, int racks, long seed) {
    if (brokers < 2) {
      throw new IllegalArgumentException(
          "a synthetic cluster needs 2 brokers or more, got " + brokers);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "a synthetic cluster needs 1 partition or more, got " + partitions);
    }
    if (racks < 1 || racks > brokers) {
      throw new IllegalArgumentException(
          "racks must be from 1 to the number of brokers (" + brokers + "), got " + racks);
    }
    Random random = new Random(seed);
    int newBrokers = (int) Math.round(brokers * NEW_BROKER_SHARE);
    int oldBrokers = Math.max(1, brokers - newBrokers);
    int rf = Math.min(REPLICATION_FACTOR, oldBrokers);
    List<List<Integer>> oldByRack = new ArrayList<>();
    for (int rack = 0; rack < racks; rack++) {
      oldByRack.add(new ArrayList<>());
    }
    for (int i = 0; i < oldBrokers; i++) {
      oldByRack.get(i % racks).add(i + 1);
    }
    oldByRack.removeIf(List::isEmpty);

    List<PartitionModel> models = new ArrayList<>(partitions);
    int topic = 0;
    while (models.size() < partitions) {
      int count = Math.min(1 + random.nextInt(MAX_TOPIC_PARTITIONS), partitions - models.size());
      String name = String.format("topic-%05d", topic++);
      double rate = logNormal(random, 128 * 1024, 1.0);
      double fanOut = logNormal(random, 2, 0.5);
      double hotSeconds = logNormal(random, 3600, 0.5);
      for (int partition = 0; partition < count; partition++) {
        double bytesIn = rate * logNormal(random, 1, 0.3);
        long localBytes = Math.max(1, (long) (bytesIn * hotSeconds * logNormal(random, 1, 0.2)));
        long remoteBytes = (long) (localBytes * (1 + 9 * random.nextDouble()));
        List<Integer> replicas = place(random, oldByRack, rf);
        models.add(
            new PartitionModel(
                name,
                partition,
                replicas,
                replicas.get(0),
                localBytes,
                remoteBytes,
                bytesIn,
                bytesIn * fanOut));
      }
    }
    return new ClusterModel(brokerModels(brokers, racks, models), models);
  }

  /**
   * A rack-aware random placement: racks chosen at random, as many distinct ones as there are (and
   * then round again), and within each a random old broker not yet used.
   */
  private static List<Integer> place(Random random, List<List<Integer>> oldByRack, int rf) {
    List<Integer> rackOrder = new ArrayList<>();
    for (int rack = 0; rack < oldByRack.size(); rack++) {
      rackOrder.add(rack);
    }
    java.util.Collections.shuffle(rackOrder, random);
    List<Integer> replicas = new ArrayList<>(rf);
    for (int i = 0; replicas.size() < rf; i++) {
      List<Integer> candidates = oldByRack.get(rackOrder.get(i % rackOrder.size()));
      int broker = candidates.get(random.nextInt(candidates.size()));
      if (!replicas.contains(broker)) {
        replicas.add(broker);
      }
    }
    return replicas;
  }

  private static List<BrokerModel> brokerModels(
      int brokers, int racks, List<PartitionModel> partitions) {
    double disk = 0;
    double in = 0;
    double out = 0;
    double replicas = 0;
    for (PartitionModel partition : partitions) {
      int rf = partition.replicas().size();
      disk += (double) partition.localBytes() * rf;
      in += partition.bytesInPerSecond() * rf;
      out += partition.leaderBytesOutPerSecond();
      replicas += rf;
    }
    BrokerCapacity capacity =
        new BrokerCapacity(
            (long) Math.ceil(disk / brokers * CAPACITY_HEADROOM),
            in / brokers * CAPACITY_HEADROOM,
            out / brokers * CAPACITY_HEADROOM,
            (int) Math.ceil(replicas / brokers * CAPACITY_HEADROOM));
    List<BrokerModel> models = new ArrayList<>(brokers);
    for (int i = 0; i < brokers; i++) {
      models.add(new BrokerModel(i + 1, "rack-" + (i % racks), capacity, BrokerHealth.ALIVE));
    }
    return models;
  }

  /** A log-normal value with the given median and σ of its logarithm. */
  private static double logNormal(Random random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }
}
