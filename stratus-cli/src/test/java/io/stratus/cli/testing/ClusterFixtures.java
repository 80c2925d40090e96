package io.stratus.cli.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stratus.api.BrokerState;
import io.stratus.api.BrokerStatus;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterStatus;
import io.stratus.api.ClusterType;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.StratusJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clusters as the API would answer them, as records and as JSON. */
public final class ClusterFixtures {

  private ClusterFixtures() {}

  /**
   * A cluster of {@code wanted} brokers of which {@code running} run.
   *
   * @param resourceVersion the spec's version
   * @param observedVersion the version the data plane last acted on
   */
  public static Cluster cluster(
      String id,
      ClusterPhase phase,
      int wanted,
      int running,
      long resourceVersion,
      long observedVersion,
      String message) {
    List<BrokerStatus> brokers = new ArrayList<>();
    for (int i = 0; i < Math.max(wanted, running); i++) {
      brokers.add(
          new BrokerStatus(
              i,
              "127.0.0.1",
              19092 + i,
              i < running ? BrokerState.RUNNING : BrokerState.STARTING,
              "4.4.0"));
    }
    Optional<String> bootstrap =
        running > 0 ? Optional.of("127.0.0.1:19092") : Optional.<String>empty();
    return new Cluster(
        id,
        "orders",
        ClusterType.DEDICATED,
        new ClusterSpec("orders", ClusterType.DEDICATED, wanted, "4.4.0", Map.of()),
        new ClusterStatus(
            phase, bootstrap, Optional.of("4.4.0"), brokers, message, observedVersion),
        resourceVersion,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The cluster with its status reporting this lifecycle operation and metadata version. */
  public static Cluster operating(
      Cluster cluster, LifecycleOperation operation, String metadataVersion) {
    ClusterStatus status = cluster.status();
    return new Cluster(
        cluster.id(),
        cluster.name(),
        cluster.type(),
        cluster.spec(),
        new ClusterStatus(
            status.phase(),
            status.bootstrap(),
            status.kafkaVersion(),
            status.brokers(),
            status.message(),
            status.observedVersion(),
            status.storage(),
            Optional.of(operation),
            Optional.of(metadataVersion)),
        cluster.resourceVersion(),
        cluster.createdAt());
  }

  /** The cluster with another spec. */
  public static Cluster withSpec(Cluster cluster, ClusterSpec spec) {
    return new Cluster(
        cluster.id(),
        cluster.name(),
        cluster.type(),
        spec,
        cluster.status(),
        cluster.resourceVersion(),
        cluster.createdAt());
  }

  /** A READY cluster of three running brokers at version 1. */
  public static Cluster ready(String id) {
    return cluster(id, ClusterPhase.READY, 3, 3, 1, 1, "");
  }

  /** The JSON form of a value. */
  public static String json(Object value) {
    try {
      return StratusJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON form of a cluster list. */
  public static String list(Cluster... clusters) {
    return json(new ClusterList(List.of(clusters)));
  }
}
