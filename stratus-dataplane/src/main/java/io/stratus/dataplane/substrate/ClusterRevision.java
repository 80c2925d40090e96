package io.stratus.dataplane.substrate;

import io.stratus.api.OperationKind;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the nodes of a cluster should run beyond the platform's defaults, and how many times that
 * has changed in a way only a restart applies.
 *
 * @param generation increased each time every node must restart to pick up the change; a node that
 *     last started under an older generation is due a restart
 * @param configOverrides the user's broker configuration, on top of the platform's defaults
 * @param restartRequestedAt the user's last restart request that the nodes are rolled for
 * @param rollKind why the current generation rolls the nodes (for status)
 */
public record ClusterRevision(
    long generation,
    Map<String, String> configOverrides,
    Optional<Instant> restartRequestedAt,
    OperationKind rollKind) {

  public ClusterRevision {
    configOverrides =
        configOverrides == null
            ? Map.of()
            : Collections.unmodifiableSortedMap(new TreeMap<>(configOverrides));
    restartRequestedAt = restartRequestedAt == null ? Optional.empty() : restartRequestedAt;
    rollKind = rollKind == null ? OperationKind.RESTART : rollKind;
    if (generation < 0) {
      throw new IllegalArgumentException("generation must not be negative, was " + generation);
    }
  }

  /** The revision of a newly provisioned cluster. */
  public static ClusterRevision initial(Map<String, String> configOverrides) {
    return new ClusterRevision(0, configOverrides, Optional.empty(), OperationKind.RESTART);
  }

  /** The next revision: the same generation if the nodes need no restart, else the next one. */
  public ClusterRevision next(
      Map<String, String> overrides, Optional<Instant> restart, Optional<OperationKind> roll) {
    Objects.requireNonNull(roll, "roll");
    return new ClusterRevision(
        roll.isPresent() ? generation + 1 : generation, overrides, restart, roll.orElse(rollKind));
  }
}
