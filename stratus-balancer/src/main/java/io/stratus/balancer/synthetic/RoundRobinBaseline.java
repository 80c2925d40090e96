package io.stratus.balancer.synthetic;

import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The placement {@code kafka-reassign-partitions --generate} proposes for every topic over every
 * alive broker: what an operator gets from Kafka's own tool, to compare the optimizer with.
 *
 * <p>This follows Kafka's {@code org.apache.kafka.admin.AdminUtils.assignReplicasToBrokers} (and
 * its {@code assignReplicasToBrokersRackAware} / {@code RackUnaware} halves), which {@code
 * ReassignPartitionsCommand.calculateAssignment} calls once per topic with the topic's partition
 * count and the replication factor of its first partition. Kafka keeps that code in its server
 * internals and draws the random start index and replica shift from an unseeded {@code Random}, so
 * it is restated here with a seeded one; the steps are Kafka's:
 *
 * <ol>
 *   <li>Rack-aware when any broker has a rack: brokers are listed alternating by rack (racks in
 *       name order, brokers by id within a rack), e.g. racks a: 0,1,2 and b: 3,4 give 0,3,1,4,2. A
 *       broker without a rack counts as a rack of its own (Kafka refuses such a mix).
 *   <li>Per topic, a start index and a replica shift, each uniform over the broker list, drawn in
 *       that order.
 *   <li>Partition {@code p}'s first replica is broker {@code (p + start) mod n}; the shift grows by
 *       one every {@code n} partitions; each further replica is the next broker at offset {@code 1
 *       + (shift × racks + k) mod (n − 1)}, skipping (when rack-aware) brokers whose rack already
 *       has a replica while some rack has none, and brokers already used while some broker is not.
 * </ol>
 *
 * <p>The first replica leads. Pure; thread-safe.
 */
public final class RoundRobinBaseline {

  private RoundRobinBaseline() {}

  /**
   * {@code model} with every partition placed as Kafka's tool would place it over the alive
   * brokers, topics in the order they first appear in the model.
   *
   * @throws IllegalArgumentException if a topic's replication factor exceeds the alive brokers
   */
  public static ClusterModel assign(ClusterModel model, long seed) {
    List<BrokerModel> brokers =
        model.brokers().stream()
            .filter(b -> b.health().acceptsReplicas())
            .sorted(Comparator.comparingInt(BrokerModel::id))
            .toList();
    boolean rackAware = brokers.stream().anyMatch(b -> !b.rack().isEmpty());
    List<Integer> brokerList = rackAware ? rackAlternated(brokers) : ids(brokers);
    Map<Integer, String> rackOf = new LinkedHashMap<>();
    for (BrokerModel broker : brokers) {
      rackOf.put(broker.id(), rackOf(broker));
    }
    int racks = (int) rackOf.values().stream().distinct().count();

    Map<String, List<PartitionModel>> byTopic = new LinkedHashMap<>();
    for (PartitionModel partition : model.partitions()) {
      byTopic.computeIfAbsent(partition.topic(), t -> new ArrayList<>()).add(partition);
    }
    Random random = new Random(seed);
    Map<PartitionModel, List<Integer>> placement = new LinkedHashMap<>();
    for (List<PartitionModel> topic : byTopic.values()) {
      topic.sort(Comparator.comparingInt(PartitionModel::partition));
      int rf = topic.get(0).replicas().size();
      if (rf > brokerList.size()) {
        throw new IllegalArgumentException(
            topic.get(0).topic()
                + " has replication factor "
                + rf
                + ", more than the "
                + brokerList.size()
                + " alive brokers");
      }
      int startIndex = random.nextInt(brokerList.size());
      int shift = random.nextInt(brokerList.size());
      List<List<Integer>> assigned =
          rackAware
              ? assignRackAware(topic.size(), rf, brokerList, rackOf, racks, startIndex, shift)
              : assignRackUnaware(topic.size(), rf, brokerList, startIndex, shift);
      for (int i = 0; i < topic.size(); i++) {
        placement.put(topic.get(i), assigned.get(i));
      }
    }
    List<PartitionModel> partitions = new ArrayList<>(model.partitions().size());
    for (PartitionModel partition : model.partitions()) {
      List<Integer> replicas = placement.get(partition);
      partitions.add(
          new PartitionModel(
              partition.topic(),
              partition.partition(),
              replicas,
              replicas.get(0),
              partition.localBytes(),
              partition.remoteBytes(),
              partition.bytesInPerSecond(),
              partition.bytesOutPerSecond()));
    }
    return new ClusterModel(model.brokers(), partitions);
  }

  private static String rackOf(BrokerModel broker) {
    return broker.rack().isEmpty() ? "\u0000broker-" + broker.id() : broker.rack();
  }

  private static List<Integer> ids(List<BrokerModel> brokers) {
    return brokers.stream().map(BrokerModel::id).toList();
  }

  /** Brokers alternating by rack, racks in name order and brokers by id within each. */
  static List<Integer> rackAlternated(List<BrokerModel> brokers) {
    TreeMap<String, List<Integer>> byRack = new TreeMap<>();
    for (BrokerModel broker : brokers) {
      byRack.computeIfAbsent(rackOf(broker), r -> new ArrayList<>()).add(broker.id());
    }
    byRack.values().forEach(ids -> ids.sort(Integer::compare));
    List<List<Integer>> racks = new ArrayList<>(byRack.values());
    int[] next = new int[racks.size()];
    List<Integer> result = new ArrayList<>(brokers.size());
    for (int rack = 0; result.size() < brokers.size(); rack = (rack + 1) % racks.size()) {
      List<Integer> ids = racks.get(rack);
      if (next[rack] < ids.size()) {
        result.add(ids.get(next[rack]++));
      }
    }
    return result;
  }

  static List<List<Integer>> assignRackUnaware(
      int partitions, int rf, List<Integer> brokers, int startIndex, int shift) {
    int n = brokers.size();
    List<List<Integer>> result = new ArrayList<>(partitions);
    int nextReplicaShift = shift;
    for (int p = 0; p < partitions; p++) {
      if (p > 0 && p % n == 0) {
        nextReplicaShift++;
      }
      int first = (p + startIndex) % n;
      List<Integer> replicas = new ArrayList<>(rf);
      replicas.add(brokers.get(first));
      for (int j = 0; j < rf - 1; j++) {
        replicas.add(brokers.get(replicaIndex(first, nextReplicaShift, j, n)));
      }
      result.add(replicas);
    }
    return result;
  }

  static List<List<Integer>> assignRackAware(
      int partitions,
      int rf,
      List<Integer> brokers,
      Map<Integer, String> rackOf,
      int racks,
      int startIndex,
      int shift) {
    int n = brokers.size();
    List<List<Integer>> result = new ArrayList<>(partitions);
    int nextReplicaShift = shift;
    for (int p = 0; p < partitions; p++) {
      if (p > 0 && p % n == 0) {
        nextReplicaShift++;
      }
      int first = (p + startIndex) % n;
      int leader = brokers.get(first);
      List<Integer> replicas = new ArrayList<>(rf);
      replicas.add(leader);
      java.util.Set<String> racksWithReplicas = new java.util.HashSet<>();
      racksWithReplicas.add(rackOf.get(leader));
      java.util.Set<Integer> brokersWithReplicas = new java.util.HashSet<>();
      brokersWithReplicas.add(leader);
      int k = 0;
      for (int j = 0; j < rf - 1; j++) {
        boolean done = false;
        while (!done) {
          int broker = brokers.get(replicaIndex(first, nextReplicaShift * racks, k, n));
          String rack = rackOf.get(broker);
          if ((!racksWithReplicas.contains(rack) || racksWithReplicas.size() == racks)
              && (!brokersWithReplicas.contains(broker) || brokersWithReplicas.size() == n)) {
            replicas.add(broker);
            racksWithReplicas.add(rack);
            brokersWithReplicas.add(broker);
            done = true;
          }
          k++;
        }
      }
      result.add(replicas);
    }
    return result;
  }

  private static int replicaIndex(int first, int secondReplicaShift, int replica, int n) {
    long shift = 1 + ((long) secondReplicaShift + replica) % (n - 1);
    return (int) ((first + shift) % n);
  }
}
