package io.stratus.dataplane.tiering;

import io.stratus.api.StorageUsage;
import io.stratus.dataplane.kafka.ClusterAdmin;
import io.stratus.dataplane.kafka.ClusterAdminException;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import io.stratus.plugins.tiered.store.ObjectStore;
import io.stratus.plugins.tiered.store.ObjectStoreException;
import io.stratus.plugins.tiered.store.ObjectSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tiered storage working for the clusters of one agent: turns tiering on for every topic that
 * should tier (whoever created it, REST or a client's Admin API), and measures what each cluster
 * keeps on brokers' disks and in the object store. Both run at most every {@link #TIERING_EVERY}
 * and {@link #MEASURE_EVERY} per cluster, so that the agent's one-second loop stays cheap. Not
 * thread-safe: used from the agent's loop thread only.
 */
public final class StorageUpkeep implements AutoCloseable {

  static final Duration TIERING_EVERY = Duration.ofSeconds(5);
  static final Duration MEASURE_EVERY = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(StorageUpkeep.class);

  private final Optional<ObjectStore> store;
  private final Clock clock;
  private final Map<String, Instant> lastTiering = new HashMap<>();
  private final Map<String, Instant> lastMeasured = new HashMap<>();
  private final Map<String, StorageUsage> usage = new HashMap<>();

  /**
   * @param store the object store the clusters tier to; empty when they do not tier, in which case
   *     only local bytes are measured
   */
  public StorageUpkeep(Optional<ObjectStore> store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Does what is due for a serving cluster; failures are logged and retried on a later pass. */
  public void tend(String clusterId, ClusterAdmin admin) {
    Instant now = clock.instant();
    if (store.isPresent() && due(lastTiering, clusterId, now, TIERING_EVERY)) {
      enableTiering(clusterId, admin);
    }
    if (due(lastMeasured, clusterId, now, MEASURE_EVERY)) {
      measure(clusterId, admin).ifPresent(measured -> usage.put(clusterId, measured));
    }
  }

  /** The last measurement of a cluster, if any. */
  public Optional<StorageUsage> usage(String clusterId) {
    return Optional.ofNullable(usage.get(clusterId));
  }

  /** Forgets a cluster that is gone. */
  public void forget(String clusterId) {
    lastTiering.remove(clusterId);
    lastMeasured.remove(clusterId);
    usage.remove(clusterId);
  }

  private void enableTiering(String clusterId, ClusterAdmin admin) {
    try {
      Set<String> topics =
          admin.topicTiering().stream()
              .filter(TopicTiering::shouldEnable)
              .map(TopicTiering::topic)
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      if (!topics.isEmpty()) {
        admin.enableRemoteStorage(topics);
        LOG.info("[cluster={}] tiering turned on for topics={}", clusterId, cap(topics));
      }
    } catch (ClusterAdminException e) {
      LOG.debug("[cluster={}] could not check topics for tiering: {}", clusterId, e.getMessage());
    }
  }

  private Optional<StorageUsage> measure(String clusterId, ClusterAdmin admin) {
    long local;
    try {
      local = admin.localBytes();
    } catch (ClusterAdminException e) {
      LOG.debug("[cluster={}] could not measure local bytes: {}", clusterId, e.getMessage());
      return Optional.empty();
    }
    long remote = 0;
    if (store.isPresent()) {
      String prefix = TieredStorageSettings.keyPrefix(clusterId) + "/";
      try {
        List<ObjectSummary> objects = store.get().list(prefix);
        remote = objects.stream().mapToLong(ObjectSummary::size).sum();
      } catch (ObjectStoreException e) {
        LOG.warn(
            "[cluster={}] could not measure bytes in {}: {}",
            clusterId,
            store.get().describe(),
            e.getMessage());
        remote = usage.containsKey(clusterId) ? usage.get(clusterId).remoteBytes() : 0;
      }
    }
    return Optional.of(new StorageUsage(local, remote));
  }

  private static boolean due(
      Map<String, Instant> last, String clusterId, Instant now, Duration every) {
    Instant previous = last.get(clusterId);
    if (previous != null && now.isBefore(previous.plus(every))) {
      return false;
    }
    last.put(clusterId, now);
    return true;
  }

  private static String cap(Set<String> topics) {
    return topics.size() <= 10
        ? topics.toString()
        : topics.stream().limit(10).toList() + " and " + (topics.size() - 10) + " more";
  }

  @Override
  public void close() {
    store.ifPresent(ObjectStore::close);
  }
}
