package io.stratus.dataplane.kafka;

import static io.stratus.dataplane.kafka.KafkaCalls.await;

import io.stratus.dataplane.lifecycle.PartitionHealth;
import io.stratus.dataplane.lifecycle.QuorumHealth;
import io.stratus.dataplane.lifecycle.VoterHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the cluster lifecycle asks Kafka and changes in it: partition and quorum health for the
 * safe-roll gate, which broker settings Kafka changes live, the {@code metadata.version} feature,
 * and where the data lies. Shares its {@link ClusterAdmin}'s client. Not thread-safe: used from the
 * reconcile thread.
 */
public final class LifecycleAdmin {

  /** The feature an upgrade finalizes once every node runs the new version. */
  public static final String METADATA_VERSION = "metadata.version";

  private final Admin admin;

  LifecycleAdmin(Admin admin) {
    this.admin = admin;
  }

  /**
   * Every partition, internal topics included, with its ISR and its topic's effective {@code
   * min.insync.replicas}.
   */
  public List<PartitionHealth> partitions() {
    Set<String> topics =
        await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), "list topics");
    if (topics.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> descriptions =
        await(admin.describeTopics(topics).allTopicNames(), "describe topics");
    Map<String, Integer> minInsync = minInsyncReplicas(topics);
    List<PartitionHealth> partitions = new ArrayList<>();
    descriptions.forEach(
        (topic, description) -> {
          for (TopicPartitionInfo partition : description.partitions()) {
            partitions.add(
                new PartitionHealth(
                    new TopicPartition(topic, partition.partition()),
                    partition.replicas().stream().map(Node::id).toList(),
                    partition.isr().stream().map(Node::id).collect(Collectors.toSet()),
                    minInsync.getOrDefault(topic, 1)));
          }
        });
    return partitions;
  }

  private Map<String, Integer> minInsyncReplicas(Set<String> topics) {
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<ConfigResource, Config> configs =
        await(admin.describeConfigs(resources).all(), "describe topic configs");
    Map<String, Integer> minInsync = new HashMap<>();
    configs.forEach(
        (resource, config) -> {
          ConfigEntry entry = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
          if (entry != null && entry.value() != null) {
            minInsync.put(resource.name(), Integer.parseInt(entry.value()));
          }
        });
    return minInsync;
  }

  /** The metadata quorum as its leader reports it. */
  public QuorumHealth quorum() {
    QuorumInfo info =
        await(admin.describeMetadataQuorum().quorumInfo(), "describe the metadata quorum");
    Map<Integer, VoterHealth> voters = new HashMap<>();
    for (QuorumInfo.ReplicaState voter : info.voters()) {
      voters.put(
          voter.replicaId(),
          new VoterHealth(voter.replicaId(), voter.logEndOffset(), voter.lastCaughtUpTimestamp()));
    }
    return new QuorumHealth(info.leaderId(), voters);
  }

  /** The cluster's {@code metadata.version}: finalized and supported levels. */
  public MetadataVersionLevels metadataVersion() {
    FeatureMetadata features =
        await(admin.describeFeatures().featureMetadata(), "describe the cluster's features");
    FinalizedVersionRange finalized = features.finalizedFeatures().get(METADATA_VERSION);
    SupportedVersionRange supported = features.supportedFeatures().get(METADATA_VERSION);
    if (finalized == null || supported == null) {
      throw new ClusterAdminException(
          "the cluster reports no " + METADATA_VERSION + " feature; is it running in KRaft mode?",
          null);
    }
    return new MetadataVersionLevels(finalized.maxVersionLevel(), supported.maxVersion());
  }

  /** Raises the finalized {@code metadata.version} to {@code level}. Idempotent. */
  public void finalizeMetadataVersion(short level) {
    await(
        admin
            .updateFeatures(
                Map.of(
                    METADATA_VERSION, new FeatureUpdate(level, FeatureUpdate.UpgradeType.UPGRADE)),
                new UpdateFeaturesOptions())
            .all(),
        "finalize " + METADATA_VERSION + " level " + level);
  }

  /**
   * Of these broker settings, the ones Kafka cannot change on a running broker: read-only in
   * Kafka's own description of {@code brokerId}'s configuration, or unknown to it. The others are
   * dynamic cluster-wide defaults.
   */
  public Set<String> restartOnly(Set<String> keys, int brokerId) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    ConfigResource broker =
        new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(brokerId));
    Config config =
        await(admin.describeConfigs(List.of(broker)).all(), "describe broker " + brokerId)
            .get(broker);
    Set<String> restartOnly = new TreeSet<>();
    for (String key : keys) {
      ConfigEntry entry = config == null ? null : config.get(key);
      if (entry == null || entry.isReadOnly()) {
        restartOnly.add(key);
      }
    }
    return restartOnly;
  }

  /**
   * Sets and removes cluster-wide dynamic broker defaults: every broker applies them at once,
   * without a restart.
   */
  public void applyClusterDefaults(Map<String, String> set, Set<String> remove) {
    if (set.isEmpty() && remove.isEmpty()) {
      return;
    }
    Collection<AlterConfigOp> ops = new ArrayList<>();
    set.forEach(
        (key, value) ->
            ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)));
    remove.forEach(
        key -> ops.add(new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE)));
    ConfigResource clusterDefault = new ConfigResource(ConfigResource.Type.BROKER, "");
    await(
        admin.incrementalAlterConfigs(Map.of(clusterDefault, ops)).all(),
        "change the cluster-wide broker settings " + new TreeSet<>(set.keySet()) + remove);
  }

  /** The bytes each of these brokers keeps on disk, every replica counted. */
  public Map<Integer, Long> localBytesByBroker(Set<Integer> brokers) {
    if (brokers.isEmpty()) {
      return Map.of();
    }
    Map<Integer, Map<String, LogDirDescription>> dirs =
        await(admin.describeLogDirs(brokers).allDescriptions(), "describe log dirs");
    Map<Integer, Long> bytes = new HashMap<>();
    dirs.forEach(
        (broker, byPath) ->
            bytes.put(
                broker,
                byPath.values().stream()
                    .flatMap(dir -> dir.replicaInfos().values().stream())
                    .filter(replica -> !replica.isFuture())
                    .mapToLong(ReplicaInfo::size)
                    .sum()));
    return bytes;
  }
}
