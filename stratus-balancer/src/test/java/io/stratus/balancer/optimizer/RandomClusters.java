package io.stratus.balancer.optimizer;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random clusters of varied shapes for the optimizer's seeded tests: 3 to 60 brokers over 2 to 4
 * racks, RF 1 to 3, 60 to 150 replicas per broker, log-normal sizes and rates (σ 0.6 across topics,
 * 0.3 within one), some with empty new brokers, some with a draining and a dead broker. Every
 * replica starts on an old broker, rack-aware where the racks allow.
 */
final class RandomClusters {

  /** What a random cluster looks like, for messages. */
  record Shape(
      long seed,
      int brokers,
      int racks,
      int replicationFactor,
      int partitions,
      int newBrokers,
      boolean drainingAndDead) {}

  private RandomClusters() {}

  static Shape shape(long seed) {
    Random random = new Random(seed);
    int racks = 2 + random.nextInt(3);
    int perRack = 1 + random.nextInt(60 / racks);
    int brokers = Math.max(3, racks * perRack);
    int rf = 1 + random.nextInt(3);
    boolean drainingAndDead = brokers >= 6 && random.nextInt(3) == 0;
    int newBrokers = random.nextBoolean() ? brokers / 5 : 0;
    // Enough replicas per broker that no single partition dwarfs a broker's share.
    int partitions = brokers * (60 + random.nextInt(90)) / rf;
    return new Shape(seed, brokers, racks, rf, partitions, newBrokers, drainingAndDead);
  }

  static ClusterModel generate(Shape shape) {
    Random random = new Random(shape.seed() * 31 + 7);
    int brokers = shape.brokers();
    List<Integer> old = new ArrayList<>();
    for (int i = 0; i < brokers - shape.newBrokers(); i++) {
      old.add(i);
    }
    List<PartitionModel> partitions = new ArrayList<>();
    int topic = 0;
    while (partitions.size() < shape.partitions()) {
      int count = Math.min(1 + random.nextInt(40), shape.partitions() - partitions.size());
      double rate = logNormal(random, 1_000_000, 0.6);
      double hotSeconds = logNormal(random, 600, 0.3);
      double fanOut = logNormal(random, 1.5, 0.4);
      for (int p = 0; p < count; p++) {
        double in = rate * logNormal(random, 1, 0.3);
        List<Integer> replicas = place(random, old, shape.racks(), shape.replicationFactor());
        partitions.add(
            new PartitionModel(
                "t" + topic,
                p,
                replicas,
                replicas.get(0),
                (long) (in * hotSeconds * logNormal(random, 1, 0.2)),
                0,
                in,
                in * fanOut));
      }
      topic++;
    }
    BrokerCapacity capacity = generousCapacity(partitions, brokers);
    List<BrokerModel> models = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      BrokerHealth health = BrokerHealth.ALIVE;
      if (shape.drainingAndDead() && i == 0) {
        health = BrokerHealth.DRAINING;
      } else if (shape.drainingAndDead() && i == 1) {
        health = BrokerHealth.DEAD;
      }
      models.add(new BrokerModel(i, "rack-" + (i % shape.racks()), capacity, health));
    }
    return new ClusterModel(models, partitions);
  }

  /** Distinct brokers on distinct racks where the racks allow. */
  private static List<Integer> place(Random random, List<Integer> old, int racks, int rf) {
    List<Integer> shuffled = new ArrayList<>(old);
    Collections.shuffle(shuffled, random);
    List<Integer> replicas = new ArrayList<>();
    boolean[] usedRack = new boolean[racks];
    for (int pass = 0; pass < 2 && replicas.size() < rf; pass++) {
      for (int broker : shuffled) {
        if (replicas.size() == rf) {
          break;
        }
        if (!replicas.contains(broker) && (pass == 1 || !usedRack[broker % racks])) {
          replicas.add(broker);
          usedRack[broker % racks] = true;
        }
      }
    }
    return replicas;
  }

  /** Three times the mean load per broker: capacity goals hold once balanced. */
  private static BrokerCapacity generousCapacity(List<PartitionModel> partitions, int brokers) {
    double disk = 0;
    double in = 0;
    double out = 0;
    int replicas = 0;
    for (PartitionModel partition : partitions) {
      disk += (double) partition.localBytes() * partition.replicas().size();
      in += partition.bytesInPerSecond() * partition.replicas().size();
      out += partition.leaderBytesOutPerSecond();
      replicas += partition.replicas().size();
    }
    return new BrokerCapacity(
        (long) (disk / brokers * 3) + 1,
        in / brokers * 3 + 1,
        out / brokers * 3 + 1,
        replicas / brokers * 3 + 3);
  }

  private static double logNormal(Random random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }
}
