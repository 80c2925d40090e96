package io.stratus.balancer.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.monitor.ClusterObservation.ObservedBroker;
import io.stratus.balancer.monitor.ClusterObservation.ObservedPartition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ModelAssemblerTest {

  private static final long WINDOW = 1000;
  private static final long START = 1_000_000 * WINDOW;
  private static final BrokerCapacity CAPACITY = new BrokerCapacity(1L << 40, 100e6, 100e6, 1000);

  private final SampleWindows windows = new SampleWindows(3, Duration.ofMillis(WINDOW), START);

  @Test
  void registeredBrokersKeepTheirRackOrGetOneOfTheirOwnAndAreAliveUnlessOverridden() {
    var observation =
        new ClusterObservation(
            List.of(
                new ObservedBroker(2, Optional.of("rack-b"), false),
                new ObservedBroker(0, Optional.empty(), false),
                new ObservedBroker(1, Optional.of(""), true)),
            List.of(),
            Map.of());

    ClusterModel model = assemble(observation, Map.of(2, BrokerHealth.DRAINING));

    assertThat(model.brokers())
        .extracting(BrokerModel::id, BrokerModel::rack, BrokerModel::health)
        .containsExactly(
            tuple(0, "broker-0", BrokerHealth.ALIVE),
            tuple(1, "broker-1", BrokerHealth.ALIVE),
            tuple(2, "rack-b", BrokerHealth.DRAINING));
    assertThat(model.brokers()).allSatisfy(b -> assertThat(b.capacity()).isEqualTo(CAPACITY));
  }

  @Test
  void anOverriddenBrokerThatIsNoLongerRegisteredIsStillThereToBeEvacuated() {
    var observation =
        new ClusterObservation(
            List.of(broker(0), broker(1)),
            List.of(new ObservedPartition("orders", 0, List.of(0, 5), 0)),
            Map.of());

    ClusterModel model =
        assemble(observation, Map.of(5, BrokerHealth.DEAD, 7, BrokerHealth.DRAINING));

    assertThat(model.brokers())
        .extracting(BrokerModel::id, BrokerModel::rack, BrokerModel::health)
        .containsExactly(
            tuple(0, "broker-0", BrokerHealth.ALIVE),
            tuple(1, "broker-1", BrokerHealth.ALIVE),
            tuple(5, "broker-5", BrokerHealth.DEAD),
            tuple(7, "broker-7", BrokerHealth.DRAINING));
  }

  @Test
  void aReplicaOnAnUnregisteredBrokerNobodyMentionedMakesThatBrokerDead() {
    var observation =
        new ClusterObservation(
            List.of(broker(0)),
            List.of(new ObservedPartition("orders", 0, List.of(0, 9), 0)),
            Map.of());

    assertThat(assemble(observation, Map.of()).broker(9).health()).isEqualTo(BrokerHealth.DEAD);
  }

  @Test
  void localBytesComeFromTheLeadersLogDirThenAnyReplicaThenTheSamples() {
    var tp0 = new TopicPartition("orders", 0);
    var tp1 = new TopicPartition("orders", 1);
    windows.add(sample(START, "orders", 2, 7777, 0, OptionalLong.of(123)), START);
    var observation =
        new ClusterObservation(
            List.of(broker(0), broker(1)),
            List.of(
                new ObservedPartition("orders", 0, List.of(0, 1), 1),
                new ObservedPartition("orders", 1, List.of(0, 1), -1),
                new ObservedPartition("orders", 2, List.of(0, 1), 0),
                new ObservedPartition("orders", 3, List.of(0, 1), 0)),
            Map.of(0, Map.of(tp0, 100L, tp1, 300L), 1, Map.of(tp0, 150L, tp1, 200L)));

    ClusterModel model = assemble(observation, Map.of());

    assertThat(model.partitions())
        .extracting(
            PartitionModel::partition, PartitionModel::localBytes, PartitionModel::remoteBytes)
        .containsExactly(
            tuple(0, 150L, 0L), tuple(1, 300L, 0L), tuple(2, 7777L, 123L), tuple(3, 0L, 0L));
    assertThat(model.partitions().get(1).leader()).isEqualTo(PartitionModel.NO_LEADER);
    assertThat(model.brokerLoads().get(0).diskBytes()).isEqualTo(150 + 300 + 7777);
  }

  @Test
  void ratesAreTheWindowedMeansAndZeroForPartitionsWithoutSamples() {
    windows.add(sample(START + 1500, "orders", 0, 0, 1000, OptionalLong.empty()), START + 1500);
    windows.add(sample(START + 2500, "orders", 0, 0, 3000, OptionalLong.empty()), START + 2500);
    var observation =
        new ClusterObservation(
            List.of(broker(0)),
            List.of(
                new ObservedPartition("orders", 0, List.of(0), 0),
                new ObservedPartition("fresh", 0, List.of(0), 0)),
            Map.of());

    ClusterModel model =
        ModelAssembler.assemble(observation, windows, START + 3100, Map.of(), CAPACITY);

    assertThat(model.partitions().get(0).bytesInPerSecond()).isEqualTo(2000.0);
    assertThat(model.partitions().get(0).bytesOutPerSecond()).isEqualTo(1000.0);
    assertThat(model.partitions().get(1).bytesInPerSecond()).isZero();
  }

  @Test
  void partitionsWithoutReplicasAreLeftOut() {
    var observation =
        new ClusterObservation(
            List.of(broker(0)),
            List.of(
                new ObservedPartition("deleting", 0, List.of(), -1),
                new ObservedPartition("orders", 0, List.of(0), 0)),
            Map.of());

    assertThat(assemble(observation, Map.of()).partitions())
        .extracting(PartitionModel::topic)
        .containsExactly("orders");
  }

  private ClusterModel assemble(
      ClusterObservation observation, Map<Integer, BrokerHealth> overrides) {
    return ModelAssembler.assemble(observation, windows, START + 5 * WINDOW, overrides, CAPACITY);
  }

  private static ObservedBroker broker(int id) {
    return new ObservedBroker(id, Optional.empty(), false);
  }

  /** A leader's sample; it reports half as many bytes out as in. */
  private static PartitionLoadSample sample(
      long timestampMs,
      String topic,
      int partition,
      long localBytes,
      double bytesIn,
      OptionalLong remote) {
    return new PartitionLoadSample(
        0, timestampMs, topic, partition, true, localBytes, 0, bytesIn, bytesIn / 2, remote);
  }
}
