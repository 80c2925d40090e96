package io.stratus.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the data plane last reported about one cluster.
 *
 * @param phase where the cluster is in its life
 * @param bootstrap the address Kafka clients bootstrap from, once brokers are serving
 * @param kafkaVersion the version the brokers run (absent until any broker runs)
 * @param brokers every broker the data plane runs for this cluster
 * @param message what the data plane is doing or waiting for, in words a user can act on
 * @param observedVersion the spec resource version the data plane last acted on
 * @param storage the data the cluster keeps on brokers and in the object store, once measured
 * @param operation the lifecycle operation in progress (restart, upgrade, expand, shrink), if any
 * @param metadataVersion the level of the KRaft {@code metadata.version} feature finalized for the
 *     cluster, e.g. {@code 33} (Kafka 4.4.0's latest), once read from the cluster; an upgrade
 *     raises it once every node runs the new version
 */
public record ClusterStatus(
    ClusterPhase phase,
    Optional<String> bootstrap,
    Optional<String> kafkaVersion,
    List<BrokerStatus> brokers,
    String message,
    long observedVersion,
    Optional<StorageUsage> storage,
    Optional<LifecycleOperation> operation,
    Optional<String> metadataVersion) {

  public ClusterStatus {
    Objects.requireNonNull(phase, "phase");
    bootstrap = bootstrap == null ? Optional.empty() : bootstrap;
    kafkaVersion = kafkaVersion == null ? Optional.empty() : kafkaVersion;
    brokers = brokers == null ? List.of() : List.copyOf(brokers);
    message = message == null ? "" : message;
    storage = storage == null ? Optional.empty() : storage;
    operation = operation == null ? Optional.empty() : operation;
    metadataVersion = metadataVersion == null ? Optional.empty() : metadataVersion;
  }

  /** A status without a lifecycle operation or metadata version. */
  public ClusterStatus(
      ClusterPhase phase,
      Optional<String> bootstrap,
      Optional<String> kafkaVersion,
      List<BrokerStatus> brokers,
      String message,
      long observedVersion,
      Optional<StorageUsage> storage) {
    this(
        phase,
        bootstrap,
        kafkaVersion,
        brokers,
        message,
        observedVersion,
        storage,
        Optional.empty(),
        Optional.empty());
  }

  /** A status without storage figures. */
  public ClusterStatus(
      ClusterPhase phase,
      Optional<String> bootstrap,
      Optional<String> kafkaVersion,
      List<BrokerStatus> brokers,
      String message,
      long observedVersion) {
    this(phase, bootstrap, kafkaVersion, brokers, message, observedVersion, Optional.empty());
  }

  /** The status of a cluster that no data plane has reported on yet. */
  public static ClusterStatus pending(String message) {
    return new ClusterStatus(
        ClusterPhase.PROVISIONING, Optional.empty(), Optional.empty(), List.of(), message, 0);
  }
}
