package io.stratus.balancer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of one cluster: its brokers and its partitions with their load. The
 * per-broker load is derived from the partitions (see {@link PartitionModel} for how leaders and
 * followers differ) and computed once.
 *
 * @param brokers every broker, in any order; ids are unique
 * @param partitions every partition the balancer may place; each replica must be one of the brokers
 */
public record ClusterModel(List<BrokerModel> brokers, List<PartitionModel> partitions) {

  public ClusterModel {
    brokers = List.copyOf(brokers);
    partitions = Collections.unmodifiableList(new ArrayList<>(partitions));
    Set<Integer> ids = new HashSet<>();
    for (BrokerModel broker : brokers) {
      if (!ids.add(broker.id())) {
        throw new IllegalArgumentException("broker " + broker.id() + " is listed twice");
      }
    }
    for (PartitionModel partition : partitions) {
      for (int replica : partition.replicas()) {
        if (!ids.contains(replica)) {
          throw new IllegalArgumentException(
              partition.name()
                  + " has a replica on broker "
                  + replica
                  + ", which is not in the model");
        }
      }
    }
  }

  /** The load of every broker, keyed by broker id, in the order of {@link #brokers()}. */
  public Map<Integer, BrokerLoad> brokerLoads() {
    Map<Integer, long[]> counts = new HashMap<>();
    Map<Integer, double[]> rates = new HashMap<>();
    for (BrokerModel broker : brokers) {
      counts.put(broker.id(), new long[3]);
      rates.put(broker.id(), new double[2]);
    }
    for (PartitionModel partition : partitions) {
      for (int replica : partition.replicas()) {
        long[] c = counts.get(replica);
        double[] r = rates.get(replica);
        c[0]++;
        c[2] += partition.localBytes();
        r[0] += partition.bytesInPerSecond();
        if (replica == partition.leader()) {
          c[1]++;
          r[1] += partition.leaderBytesOutPerSecond();
        }
      }
    }
    Map<Integer, BrokerLoad> loads = new LinkedHashMap<>();
    for (BrokerModel broker : brokers) {
      long[] c = counts.get(broker.id());
      double[] r = rates.get(broker.id());
      loads.put(broker.id(), new BrokerLoad((int) c[0], (int) c[1], c[2], r[0], r[1]));
    }
    return Collections.unmodifiableMap(loads);
  }

  /** The broker with this id. */
  public BrokerModel broker(int id) {
    for (BrokerModel broker : brokers) {
      if (broker.id() == id) {
        return broker;
      }
    }
    throw new IllegalArgumentException("no broker " + id + " in the model");
  }
}
