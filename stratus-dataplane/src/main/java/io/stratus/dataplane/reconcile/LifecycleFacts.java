package io.stratus.dataplane.reconcile;

import io.stratus.dataplane.kafka.MetadataVersionLevels;
import io.stratus.dataplane.lifecycle.ClusterHealth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent read from Kafka for the cluster's lifecycle; each part only when the decision
 * needs it, so a steady cluster is not asked for it on every pass.
 *
 * @param health partitions, ISRs and the metadata quorum, read while nodes roll or settle after a
 *     restart
 * @param restartOnly of the broker settings the user changed, the ones Kafka cannot change live;
 *     read while a configuration change waits to be applied
 * @param metadataVersion the {@code metadata.version} feature, read once every node runs the
 *     cluster's version
 * @param brokerBytes local bytes per broker, read while shrinking
 * @param cordoned brokers cordoned for removal, read while shrinking
 * @param brokerDiskBytes the disk each broker is assumed to have, for refusing shrinks that could
 *     not fit the data
 */
public record LifecycleFacts(
    Optional<ClusterHealth> health,
    Optional<Set<String>> restartOnly,
    Optional<MetadataVersionLevels> metadataVersion,
    Map<Integer, Long> brokerBytes,
    Set<Integer> cordoned,
    long brokerDiskBytes) {

  /** Nothing read. */
  public static final LifecycleFacts NONE =
      new LifecycleFacts(
          Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Set.of(), Long.MAX_VALUE);

  public LifecycleFacts {
    brokerBytes = Map.copyOf(brokerBytes);
    cordoned = Set.copyOf(cordoned);
  }
}
