package io.stratus.balancer.monitor;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Builds a {@link ClusterModel} from what the Admin API says and the windowed samples.
 *
 * <p>Brokers: every registered broker, ALIVE unless the caller's health overrides say otherwise;
 * every overridden broker, registered or not, so that a broker that is gone can still be evacuated;
 * and any other broker a replica names that is neither, as DEAD, since it is not registered and
 * nothing may be placed on it. A broker without a rack is its own failure domain, rack {@code
 * broker-<id>}.
 *
 * <p>Partitions: local bytes are the leader's replica size from {@code describeLogDirs}, else the
 * largest replica size reported there, else the latest sample's size, else 0. Remote bytes are the
 * latest sample's, else 0. Byte rates are the windowed means ({@link SampleWindows}), zero for a
 * partition with no samples yet. Partitions without replicas (a topic being deleted) are left out.
 *
 * <p>Pure; thread-safe as long as the windows are not changed meanwhile.
 */
final class ModelAssembler {

  private ModelAssembler() {}

  static ClusterModel assemble(
      ClusterObservation observation,
      SampleWindows windows,
      long nowMs,
      Map<Integer, BrokerHealth> healthOverrides,
      BrokerCapacity capacity) {
    Map<Integer, BrokerModel> brokers = new LinkedHashMap<>();
    observation.brokers().stream()
        .sorted(Comparator.comparingInt(ClusterObservation.ObservedBroker::id))
        .forEach(
            broker ->
                brokers.put(
                    broker.id(),
                    new BrokerModel(
                        broker.id(),
                        broker.rack().filter(rack -> !rack.isBlank()).orElse(ownRack(broker.id())),
                        capacity,
                        healthOverrides.getOrDefault(broker.id(), BrokerHealth.ALIVE))));
    new TreeMap<>(healthOverrides)
        .forEach(
            (id, health) ->
                brokers.computeIfAbsent(
                    id, missing -> new BrokerModel(missing, ownRack(missing), capacity, health)));

    List<PartitionModel> partitions = new ArrayList<>();
    for (ClusterObservation.ObservedPartition partition : observation.partitions()) {
      if (partition.replicas().isEmpty()) {
        continue;
      }
      for (int replica : partition.replicas()) {
        brokers.computeIfAbsent(
            replica,
            missing -> new BrokerModel(missing, ownRack(missing), capacity, BrokerHealth.DEAD));
      }
      partitions.add(partitionModel(partition, observation, windows, nowMs));
    }
    return new ClusterModel(new ArrayList<>(brokers.values()), partitions);
  }

  private static PartitionModel partitionModel(
      ClusterObservation.ObservedPartition partition,
      ClusterObservation observation,
      SampleWindows windows,
      long nowMs) {
    TopicPartition topicPartition = partition.topicPartition();
    int leader =
        partition.replicas().contains(partition.leader())
            ? partition.leader()
            : PartitionModel.NO_LEADER;
    Optional<PartitionLoadSample> latest = windows.latest(topicPartition);
    long localBytes =
        replicaSize(observation, leader, topicPartition)
            .or(() -> largestReplicaSize(observation, partition.replicas(), topicPartition))
            .orElseGet(() -> latest.map(PartitionLoadSample::localBytes).orElse(0L));
    long remoteBytes = latest.map(sample -> sample.remoteBytes().orElse(0L)).orElse(0L);
    SampleWindows.Rates rates = windows.rates(topicPartition, nowMs);
    return new PartitionModel(
        partition.topic(),
        partition.partition(),
        partition.replicas(),
        leader,
        localBytes,
        remoteBytes,
        rates.bytesInPerSecond(),
        rates.bytesOutPerSecond());
  }

  private static Optional<Long> replicaSize(
      ClusterObservation observation, int broker, TopicPartition partition) {
    Map<TopicPartition, Long> sizes = observation.replicaSizes().get(broker);
    return sizes == null ? Optional.empty() : Optional.ofNullable(sizes.get(partition));
  }

  private static Optional<Long> largestReplicaSize(
      ClusterObservation observation, List<Integer> replicas, TopicPartition partition) {
    return replicas.stream()
        .map(broker -> replicaSize(observation, broker, partition))
        .flatMap(Optional::stream)
        .max(Long::compare);
  }

  private static String ownRack(int brokerId) {
    return "broker-" + brokerId;
  }
}
