package io.stratus.balancer.goals;

import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement the optimizer works on: a {@link ClusterModel} turned into primitive arrays that
 * actions change in place, with every broker's load kept up to date per action so that no goal ever
 * recomputes the cluster to judge a candidate.
 *
 * <p>Brokers are indexed {@code 0..brokerCount-1} in the model's order and partitions {@code
 * 0..partitionCount-1}. Every replica is a <em>slot</em>: partition {@code p} owns slots {@code
 * slotStart(p)} to {@code slotStart(p + 1) - 1}, in the order of its replica list, and an action
 * changes the broker of a slot, never the number of slots. One slot per partition is the leader's.
 *
 * <p>Load follows {@link PartitionModel}: every replica adds one replica, its local bytes to disk
 * and its bytes in to network in; the leader's slot adds one leader and {@link
 * PartitionModel#leaderBytesOutPerSecond()} to network out. A leader on a {@link BrokerHealth#DEAD
 * DEAD} broker adds nothing, as a dead broker leads nothing. A partition without a leader is led by
 * its first replica on an alive broker (else its first replica on a draining one, else its first).
 *
 * <p>The totals a goal divides by the number of alive brokers count every partition as placed and
 * led, so they do not change as actions move load around: goal thresholds stay constant in a run.
 *
 * <p>Not thread-safe: one optimizer run owns one state.
 */
public final class BalancingState {

  private static final Resource[] RESOURCES = Resource.values();
  private static final int REPLICAS = Resource.REPLICAS.ordinal();
  private static final int LEADERS = Resource.LEADERS.ordinal();
  private static final int DISK = Resource.DISK.ordinal();
  private static final int NETWORK_IN = Resource.NETWORK_IN.ordinal();
  private static final int NETWORK_OUT = Resource.NETWORK_OUT.ordinal();

  private final ClusterModel model;

  private final int[] brokerIds;
  private final int[] brokerRack;
  private final BrokerHealth[] health;
  private final boolean[] alive;
  private final double[][] capacity;
  private final int[] aliveBrokers;
  private final String[] rackNames;
  private final int aliveRackCount;

  private final int[] slotStart;
  private final int[] partitionTopic;
  private final long[] localBytes;
  private final double[] bytesIn;
  private final double[] leaderOut;
  private final String[] topicNames;

  private final int[] slotBroker;
  private final int[] slotPartition;
  private final int[] leaderSlot;
  private final int[] initialSlotBroker;
  private final int[] initialLeaderSlot;

  private final double[][] load;
  private final double[] totals;
  private final int[] topicReplicas;
  private final int[][] brokerSlots;
  private final int[] brokerSlotCount;
  private final int[] slotPosition;

  private BalancingState(ClusterModel model) {
    this.model = model;
    List<BrokerModel> brokers = model.brokers();
    int brokerCount = brokers.size();
    brokerIds = new int[brokerCount];
    brokerRack = new int[brokerCount];
    health = new BrokerHealth[brokerCount];
    alive = new boolean[brokerCount];
    capacity = new double[RESOURCES.length][brokerCount];
    Map<Integer, Integer> indexOfId = new HashMap<>();
    Map<String, Integer> rackIndex = new HashMap<>();
    List<String> racks = new ArrayList<>();
    List<Integer> aliveList = new ArrayList<>();
    for (int b = 0; b < brokerCount; b++) {
      BrokerModel broker = brokers.get(b);
      brokerIds[b] = broker.id();
      indexOfId.put(broker.id(), b);
      // A broker without a configured rack is a failure domain of its own.
      String rack = broker.rack().isEmpty() ? "\u0000broker-" + broker.id() : broker.rack();
      Integer index = rackIndex.get(rack);
      if (index == null) {
        index = racks.size();
        rackIndex.put(rack, index);
        racks.add(broker.rack().isEmpty() ? "(broker " + broker.id() + ")" : rack);
      }
      brokerRack[b] = index;
      health[b] = broker.health();
      alive[b] = broker.health() == BrokerHealth.ALIVE;
      if (alive[b]) {
        aliveList.add(b);
      }
      for (Resource resource : RESOURCES) {
        capacity[resource.ordinal()][b] = broker.capacity().of(resource);
      }
    }
    rackNames = racks.toArray(new String[0]);
    aliveBrokers = aliveList.stream().mapToInt(Integer::intValue).toArray();
    boolean[] aliveRack = new boolean[rackNames.length];
    int aliveRacks = 0;
    for (int b : aliveBrokers) {
      if (!aliveRack[brokerRack[b]]) {
        aliveRack[brokerRack[b]] = true;
        aliveRacks++;
      }
    }
    aliveRackCount = aliveRacks;

    List<PartitionModel> partitions = model.partitions();
    int partitionCount = partitions.size();
    slotStart = new int[partitionCount + 1];
    for (int p = 0; p < partitionCount; p++) {
      slotStart[p + 1] = slotStart[p] + partitions.get(p).replicas().size();
    }
    int slotCount = slotStart[partitionCount];
    partitionTopic = new int[partitionCount];
    localBytes = new long[partitionCount];
    bytesIn = new double[partitionCount];
    leaderOut = new double[partitionCount];
    slotBroker = new int[slotCount];
    slotPartition = new int[slotCount];
    leaderSlot = new int[partitionCount];
    Map<String, Integer> topicIndex = new HashMap<>();
    List<String> topics = new ArrayList<>();
    totals = new double[RESOURCES.length];
    for (int p = 0; p < partitionCount; p++) {
      PartitionModel partition = partitions.get(p);
      Integer topic = topicIndex.get(partition.topic());
      if (topic == null) {
        topic = topics.size();
        topicIndex.put(partition.topic(), topic);
        topics.add(partition.topic());
      }
      partitionTopic[p] = topic;
      localBytes[p] = partition.localBytes();
      bytesIn[p] = partition.bytesInPerSecond();
      leaderOut[p] = partition.leaderBytesOutPerSecond();
      List<Integer> replicas = partition.replicas();
      for (int i = 0; i < replicas.size(); i++) {
        int slot = slotStart[p] + i;
        slotBroker[slot] = indexOfId.get(replicas.get(i));
        slotPartition[slot] = p;
      }
      leaderSlot[p] = initialLeader(p, partition.leader(), indexOfId);
      int rf = replicas.size();
      totals[REPLICAS] += rf;
      totals[LEADERS] += 1;
      totals[DISK] += (double) partition.localBytes() * rf;
      totals[NETWORK_IN] += partition.bytesInPerSecond() * rf;
      totals[NETWORK_OUT] += leaderOut[p];
    }
    topicNames = topics.toArray(new String[0]);
    initialSlotBroker = slotBroker.clone();
    initialLeaderSlot = leaderSlot.clone();

    load = new double[RESOURCES.length][brokerCount];
    topicReplicas = new int[topicNames.length * brokerCount];
    brokerSlots = new int[brokerCount][];
    brokerSlotCount = new int[brokerCount];
    slotPosition = new int[slotCount];
    int[] perBroker = new int[brokerCount];
    for (int slot = 0; slot < slotCount; slot++) {
      perBroker[slotBroker[slot]]++;
    }
    for (int b = 0; b < brokerCount; b++) {
      brokerSlots[b] = new int[Math.max(8, perBroker[b] + perBroker[b] / 4)];
    }
    for (int slot = 0; slot < slotCount; slot++) {
      int b = slotBroker[slot];
      addSlot(slot, b);
      for (int r = 0; r < RESOURCES.length; r++) {
        load[r][b] += slotLoad(slot, r);
      }
      topicReplicas[b * topicNames.length + partitionTopic[slotPartition[slot]]]++;
    }
  }

  /** The working state of {@code model}, nothing moved yet. */
  public static BalancingState of(ClusterModel model) {
    return new BalancingState(model);
  }

  private int initialLeader(int p, int leaderId, Map<Integer, Integer> indexOfId) {
    int first = slotStart[p];
    int end = slotStart[p + 1];
    if (leaderId != PartitionModel.NO_LEADER) {
      int leader = indexOfId.get(leaderId);
      for (int slot = first; slot < end; slot++) {
        if (slotBroker[slot] == leader) {
          return slot;
        }
      }
    }
    for (int slot = first; slot < end; slot++) {
      if (alive[slotBroker[slot]]) {
        return slot;
      }
    }
    for (int slot = first; slot < end; slot++) {
      if (health[slotBroker[slot]] != BrokerHealth.DEAD) {
        return slot;
      }
    }
    return first;
  }

  // ---- the model ------------------------------------------------------------------------------

  /** The model this state started from. */
  public ClusterModel model() {
    return model;
  }

  /** The number of brokers, alive or not. */
  public int brokerCount() {
    return brokerIds.length;
  }

  /** The Kafka id of broker {@code b}. */
  public int brokerId(int b) {
    return brokerIds[b];
  }

  /** The health of broker {@code b}. */
  public BrokerHealth health(int b) {
    return health[b];
  }

  /** Whether broker {@code b} is {@link BrokerHealth#ALIVE}: eligible for load and measured. */
  public boolean isAlive(int b) {
    return alive[b];
  }

  /** Whether broker {@code b} is {@link BrokerHealth#DEAD}, so that it leads nothing. */
  public boolean isDead(int b) {
    return health[b] == BrokerHealth.DEAD;
  }

  /** The alive brokers, in index order. Callers must not change the array. */
  int[] aliveBrokers() {
    return aliveBrokers;
  }

  /** The number of alive brokers. */
  public int aliveCount() {
    return aliveBrokers.length;
  }

  /** The rack index of broker {@code b}. */
  int rack(int b) {
    return brokerRack[b];
  }

  /** The name of rack {@code rack}. */
  String rackName(int rack) {
    return rackNames[rack];
  }

  /** The number of racks, counting those without an alive broker. */
  int rackCount() {
    return rackNames.length;
  }

  /** The number of racks with at least one alive broker. */
  int aliveRackCount() {
    return aliveRackCount;
  }

  /** The capacity of broker {@code b} for {@code resource}. */
  double capacity(Resource resource, int b) {
    return capacity[resource.ordinal()][b];
  }

  /** The number of partitions. */
  public int partitionCount() {
    return leaderSlot.length;
  }

  /** The model's partition {@code p}. */
  public PartitionModel partition(int p) {
    return model.partitions().get(p);
  }

  /** The first slot of partition {@code p}; {@code slotStart(p + 1)} is one past its last. */
  int slotStart(int p) {
    return slotStart[p];
  }

  /** The number of replicas of partition {@code p}. */
  public int replicationFactor(int p) {
    return slotStart[p + 1] - slotStart[p];
  }

  /** The topic index of partition {@code p}. */
  int topic(int p) {
    return partitionTopic[p];
  }

  /** The number of topics. */
  int topicCount() {
    return topicNames.length;
  }

  /** The name of topic {@code topic}. */
  String topicName(int topic) {
    return topicNames[topic];
  }

  /** The bytes each replica of partition {@code p} keeps locally: what moving one copies. */
  long localBytes(int p) {
    return localBytes[p];
  }

  /**
   * The load for {@code resource} of all partitions, each placed and led once: divided by the
   * number of alive brokers it is the mean a balanced cluster reaches.
   */
  public double total(Resource resource) {
    return totals[resource.ordinal()];
  }

  /** {@link #total} over the alive brokers; 0 when none is alive. */
  public double mean(Resource resource) {
    return aliveBrokers.length == 0 ? 0 : totals[resource.ordinal()] / aliveBrokers.length;
  }

  // ---- the placement --------------------------------------------------------------------------

  /** The partition slot {@code slot} belongs to. */
  int partitionOf(int slot) {
    return slotPartition[slot];
  }

  /** The broker index slot {@code slot} is on now. */
  int brokerOf(int slot) {
    return slotBroker[slot];
  }

  /** The slot of partition {@code p}'s leader now. */
  int leaderSlot(int p) {
    return leaderSlot[p];
  }

  /** Whether {@code slot} is its partition's leader. */
  boolean isLeader(int slot) {
    return leaderSlot[slotPartition[slot]] == slot;
  }

  /** The broker index of replica {@code i} of partition {@code p} now. */
  public int replicaBroker(int p, int i) {
    return slotBroker[slotStart[p] + i];
  }

  /** The broker index of replica {@code i} of partition {@code p} before any action. */
  public int initialReplicaBroker(int p, int i) {
    return initialSlotBroker[slotStart[p] + i];
  }

  /** The position in partition {@code p}'s replica list of its leader now. */
  public int leaderPosition(int p) {
    return leaderSlot[p] - slotStart[p];
  }

  /** The position in partition {@code p}'s replica list of its leader before any action. */
  public int initialLeaderPosition(int p) {
    return initialLeaderSlot[p] - slotStart[p];
  }

  /** Whether partition {@code p} has a replica on broker {@code b}. */
  boolean hosts(int p, int b) {
    for (int slot = slotStart[p], end = slotStart[p + 1]; slot < end; slot++) {
      if (slotBroker[slot] == b) {
        return true;
      }
    }
    return false;
  }

  /** The load of broker {@code b} for {@code resource} now. */
  public double load(Resource resource, int b) {
    return load[resource.ordinal()][b];
  }

  double load(int resource, int b) {
    return load[resource][b];
  }

  /** The replicas of topic {@code topic} on broker {@code b} now. */
  int topicReplicas(int topic, int b) {
    return topicReplicas[b * topicNames.length + topic];
  }

  /** The number of replicas on broker {@code b}. */
  int slotCount(int b) {
    return brokerSlotCount[b];
  }

  /**
   * The slots on broker {@code b}: the first {@link #slotCount(int)} entries. The array changes as
   * actions apply; copy it to iterate while acting.
   */
  int[] slots(int b) {
    return brokerSlots[b];
  }

  /** A copy of the slots on broker {@code b}. */
  int[] slotsCopy(int b) {
    return java.util.Arrays.copyOf(brokerSlots[b], brokerSlotCount[b]);
  }

  // ---- load of actions ------------------------------------------------------------------------

  /** The load one replica of partition {@code p} puts on its broker, leader or not. */
  double replicaLoad(int p, int resource) {
    if (resource == REPLICAS) {
      return 1;
    } else if (resource == DISK) {
      return localBytes[p];
    } else if (resource == NETWORK_IN) {
      return bytesIn[p];
    }
    return 0;
  }

  /** The load partition {@code p}'s leader puts on its broker on top of being a replica. */
  double leaderLoad(int p, int resource) {
    if (resource == LEADERS) {
      return 1;
    } else if (resource == NETWORK_OUT) {
      return leaderOut[p];
    }
    return 0;
  }

  /** The load broker of {@code slot} carries for it now (a dead leader carries no leader load). */
  double slotLoad(int slot, int resource) {
    int p = slotPartition[slot];
    double value = replicaLoad(p, resource);
    if (leaderSlot[p] == slot && !isDead(slotBroker[slot])) {
      value += leaderLoad(p, resource);
    }
    return value;
  }

  /** The load {@code slot} would bring to broker {@code b}: a dead broker takes no leader load. */
  double slotLoadOn(int slot, int resource, int b) {
    int p = slotPartition[slot];
    double value = replicaLoad(p, resource);
    if (leaderSlot[p] == slot && !isDead(b)) {
      value += leaderLoad(p, resource);
    }
    return value;
  }

  // ---- actions --------------------------------------------------------------------------------

  /**
   * Moves replica {@code slot} to broker {@code dst}; if it leads, the leadership goes with it.
   *
   * @throws IllegalArgumentException if {@code dst} already hosts the partition or is dead while
   *     the slot leads
   */
  public void moveReplica(int slot, int dst) {
    int p = slotPartition[slot];
    int src = slotBroker[slot];
    if (src == dst || hosts(p, dst)) {
      throw new IllegalArgumentException(
          partition(p).name() + " already has a replica on broker " + brokerIds[dst]);
    }
    boolean leads = leaderSlot[p] == slot;
    if (leads && isDead(dst)) {
      throw new IllegalArgumentException(
          "cannot move the leader of " + partition(p).name() + " to dead broker " + brokerIds[dst]);
    }
    for (int r = 0; r < RESOURCES.length; r++) {
      double replica = replicaLoad(p, r);
      double leader = leads ? leaderLoad(p, r) : 0;
      load[r][src] -= replica + (isDead(src) ? 0 : leader);
      load[r][dst] += replica + leader;
    }
    int topics = topicNames.length;
    topicReplicas[src * topics + partitionTopic[p]]--;
    topicReplicas[dst * topics + partitionTopic[p]]++;
    removeSlot(slot, src);
    slotBroker[slot] = dst;
    addSlot(slot, dst);
  }

  /**
   * Makes {@code newLeaderSlot} its partition's leader.
   *
   * @throws IllegalArgumentException if its broker is dead
   */
  public void transferLeadership(int newLeaderSlot) {
    int p = slotPartition[newLeaderSlot];
    int oldSlot = leaderSlot[p];
    if (oldSlot == newLeaderSlot) {
      return;
    }
    int to = slotBroker[newLeaderSlot];
    if (isDead(to)) {
      throw new IllegalArgumentException(
          "cannot make dead broker " + brokerIds[to] + " lead " + partition(p).name());
    }
    int from = slotBroker[oldSlot];
    for (int r = 0; r < RESOURCES.length; r++) {
      double leader = leaderLoad(p, r);
      if (leader != 0) {
        if (!isDead(from)) {
          load[r][from] -= leader;
        }
        load[r][to] += leader;
      }
    }
    leaderSlot[p] = newLeaderSlot;
  }

  /**
   * Exchanges the leadership of two partitions between two alive brokers: {@code newLeaderP}'s
   * broker leads q now and takes over p; {@code newLeaderQ}'s broker leads p and takes over q.
   */
  public void swapLeadership(int newLeaderP, int newLeaderQ) {
    int p = slotPartition[newLeaderP];
    int q = slotPartition[newLeaderQ];
    if (p == q
        || slotBroker[leaderSlot[p]] != slotBroker[newLeaderQ]
        || slotBroker[leaderSlot[q]] != slotBroker[newLeaderP]) {
      throw new IllegalArgumentException(
          "a leadership swap needs two partitions each led by the broker taking over the other");
    }
    transferLeadership(newLeaderP);
    transferLeadership(newLeaderQ);
  }

  /** Exchanges the brokers of two replicas of different partitions. */
  public void swap(int slotA, int slotB) {
    int brokerA = slotBroker[slotA];
    int brokerB = slotBroker[slotB];
    if (slotPartition[slotA] == slotPartition[slotB]) {
      throw new IllegalArgumentException("a swap needs replicas of two partitions");
    }
    moveReplica(slotA, brokerB);
    moveReplica(slotB, brokerA);
  }

  private void addSlot(int slot, int b) {
    int[] list = brokerSlots[b];
    int count = brokerSlotCount[b];
    if (count == list.length) {
      list = java.util.Arrays.copyOf(list, list.length * 2);
      brokerSlots[b] = list;
    }
    list[count] = slot;
    slotPosition[slot] = count;
    brokerSlotCount[b] = count + 1;
  }

  private void removeSlot(int slot, int b) {
    int[] list = brokerSlots[b];
    int last = --brokerSlotCount[b];
    int position = slotPosition[slot];
    int moved = list[last];
    list[position] = moved;
    slotPosition[moved] = position;
  }

  /**
   * Recomputes every broker's load, the replicas per topic and broker, and the broker replica lists
   * from the slots, and compares them with what actions kept up to date.
   *
   * @throws IllegalStateException naming the first figure that differs
   */
  public void verifyBookkeeping() {
    BookkeepingCheck.verify(this);
  }

  /** The number of slots, replicas of all partitions together. */
  int slotTotal() {
    return slotBroker.length;
  }
}
