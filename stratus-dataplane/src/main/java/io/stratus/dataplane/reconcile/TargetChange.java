package io.stratus.dataplane.reconcile;

import io.stratus.api.ClusterSpec;
import io.stratus.dataplane.substrate.ClusterLayout;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the user's spec differs from what a cluster's layout aims at: another Kafka version, changed
 * broker settings, or a new restart request. Pure; thread-safe.
 *
 * @param version whether the Kafka version differs
 * @param set settings added or given a new value
 * @param removed settings the user no longer overrides
 * @param restart whether the user asked for a restart the layout has not taken in
 */
public record TargetChange(
    boolean version, Map<String, String> set, Set<String> removed, boolean restart) {

  public TargetChange {
    set = Map.copyOf(set);
    removed = Set.copyOf(removed);
  }

  /** The change from {@code layout}'s target to {@code spec}. */
  public static TargetChange between(ClusterSpec spec, ClusterLayout layout) {
    Map<String, String> current = layout.revision().configOverrides();
    var set = new TreeMap<String, String>();
    spec.config()
        .forEach(
            (key, value) -> {
              if (!value.equals(current.get(key))) {
                set.put(key, value);
              }
            });
    var removed = new TreeSet<>(current.keySet());
    removed.removeAll(spec.config().keySet());
    return new TargetChange(
        !spec.kafkaVersion().equals(layout.kafkaVersion()),
        set,
        removed,
        spec.restartRequestedAt().isPresent()
            && !Objects.equals(spec.restartRequestedAt(), layout.revision().restartRequestedAt()));
  }

  /** Whether anything changed. */
  public boolean any() {
    return version || restart || !set.isEmpty() || !removed.isEmpty();
  }

  /** The settings whose value changes, added and removed alike, sorted. */
  public Set<String> changedKeys() {
    var keys = new TreeSet<>(set.keySet());
    keys.addAll(removed);
    return keys;
  }
}
