package io.stratus.dataplane.kafka;

import io.stratus.dataplane.tiering.TopicTiering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The agent's view into one tenant cluster, through Kafka's Admin API on the cluster's internal
 * listener as the platform's super user. Every call waits at most {@link #CALL_TIMEOUT} and turns
 * failures into {@link ClusterAdminException}. Not thread-safe: used from the reconcile thread.
 */
public final class ClusterAdmin implements AutoCloseable {

  /** The longest any one call waits for the cluster. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final int SCRAM_ITERATIONS = 8192;

  // Kafka's ServerLogConfigs.CORDONED_LOG_DIRS_CONFIG lives in server-common, not in the client.
  private static final String CORDONED_LOG_DIRS = "cordoned.log.dirs";

  private final Admin admin;
  private final LifecycleAdmin lifecycle;

  /** Connects (lazily, as Kafka's Admin does) with the given client configuration. */
  public ClusterAdmin(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "stratus-agent");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    this.admin = Admin.create(config);
    this.lifecycle = new LifecycleAdmin(admin);
  }

  /** The ids of the brokers that are registered and unfenced. */
  public Set<Integer> liveBrokers() {
    return await(admin.describeCluster().nodes(), "describe the cluster").stream()
        .map(Node::id)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the broker at {@code hostPort} itself answers. A broker serves requests only once it
   * has caught up with the metadata and been unfenced, so this tells a restarted broker from the
   * registration its killed predecessor leaves behind until its session times out.
   */
  public static boolean answers(Map<String, Object> clientConfig, String hostPort) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hostPort);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stratus-agent-probe");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    try (Admin probe = Admin.create(config)) {
      probe.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Every partition's replica list, internal topics included. */
  public Map<TopicPartition, List<Integer>> assignments() {
    Set<String> topics =
        await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), "list topics");
    if (topics.isEmpty()) {
      return Map.of();
    }
    Map<String, TopicDescription> descriptions =
        await(admin.describeTopics(topics).allTopicNames(), "describe topics");
    Map<TopicPartition, List<Integer>> assignments = new HashMap<>();
    descriptions.forEach(
        (topic, description) -> {
          for (TopicPartitionInfo partition : description.partitions()) {
            assignments.put(
                new TopicPartition(topic, partition.partition()),
                partition.replicas().stream().map(Node::id).toList());
          }
        });
    return assignments;
  }

  /** The partitions whose reassignment is still under way. */
  public Set<TopicPartition> reassignmentsInProgress() {
    return await(admin.listPartitionReassignments().reassignments(), "list reassignments").keySet();
  }

  /** Removes a stopped broker's registration from the cluster metadata. */
  public void unregisterBroker(int brokerId) {
    await(admin.unregisterBroker(brokerId).all(), "unregister broker " + brokerId);
  }

  /**
   * Cordons a broker (Kafka's {@code cordoned.log.dirs=*}, a dynamic per-broker config): Kafka
   * places no new partition on it, so a broker being drained does not fill up again. Idempotent.
   */
  public void cordon(int brokerId) {
    alterBrokerConfig(brokerId, CORDONED_LOG_DIRS, "*", AlterConfigOp.OpType.SET, "cordon");
  }

  /** Lifts {@link #cordon}. Idempotent. */
  public void uncordon(int brokerId) {
    alterBrokerConfig(brokerId, CORDONED_LOG_DIRS, "", AlterConfigOp.OpType.DELETE, "uncordon");
  }

  /** Which of these brokers are cordoned. */
  public Set<Integer> cordoned(Set<Integer> brokerIds) {
    if (brokerIds.isEmpty()) {
      return Set.of();
    }
    List<ConfigResource> resources =
        brokerIds.stream()
            .map(id -> new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(id)))
            .toList();
    Map<ConfigResource, Config> configs =
        await(admin.describeConfigs(resources).all(), "describe broker configs");
    return configs.entrySet().stream()
        .filter(
            e -> {
              ConfigEntry entry = e.getValue().get(CORDONED_LOG_DIRS);
              return entry != null
                  && entry.value() != null
                  && !entry.value().isBlank()
                  && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
            })
        .map(e -> Integer.parseInt(e.getKey().name()))
        .collect(Collectors.toUnmodifiableSet());
  }

  private void alterBrokerConfig(
      int brokerId, String name, String value, AlterConfigOp.OpType op, String what) {
    ConfigResource broker =
        new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(brokerId));
    await(
        admin
            .incrementalAlterConfigs(
                Map.of(broker, List.of(new AlterConfigOp(new ConfigEntry(name, value), op))))
            .all(),
        what + " broker " + brokerId);
  }

  /** The users that have SCRAM credentials. */
  public Set<String> scramUsers() {
    return await(admin.describeUserScramCredentials().all(), "describe SCRAM users").keySet();
  }

  /**
   * Creates (or replaces) the SCRAM-SHA-512 credential of a tenant key and grants it {@link
   * TenantAcls}. Idempotent.
   */
  public void upsertTenantKey(String key, String secret) {
    await(admin.createAcls(TenantAcls.forKey(key)).all(), "create ACLs for key " + key);
    UserScramCredentialUpsertion upsertion =
        new UserScramCredentialUpsertion(
            key, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), secret);
    await(admin.alterUserScramCredentials(List.of(upsertion)).all(), "create SCRAM user " + key);
  }

  /** How every non-internal topic stands on tiering. */
  public List<TopicTiering> topicTiering() {
    Set<String> topics = await(admin.listTopics().names(), "list topics");
    if (topics.isEmpty()) {
      return List.of();
    }
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<ConfigResource, Config> configs =
        await(admin.describeConfigs(resources).all(), "describe topic configs");
    List<TopicTiering> tiering = new ArrayList<>();
    configs.forEach(
        (resource, config) -> {
          ConfigEntry cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
          ConfigEntry remote = config.get(TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG);
          tiering.add(
              new TopicTiering(
                  resource.name(),
                  cleanup == null || cleanup.value() == null ? "delete" : cleanup.value(),
                  remote != null && "true".equals(remote.value()),
                  remote != null
                      && remote.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
        });
    return tiering;
  }

  /** Sets {@code remote.storage.enable=true} on the given topics. */
  public void enableRemoteStorage(Set<String> topics) {
    Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String topic : topics) {
      changes.put(
          new ConfigResource(ConfigResource.Type.TOPIC, topic),
          List.of(
              new AlterConfigOp(
                  new ConfigEntry(TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG, "true"),
                  AlterConfigOp.OpType.SET)));
    }
    await(admin.incrementalAlterConfigs(changes).all(), "turn tiering on for " + topics);
  }

  /** The bytes every replica of every partition keeps on the brokers' disks. */
  public long localBytes() {
    List<Integer> brokers =
        await(admin.describeCluster().nodes(), "describe the cluster").stream()
            .map(Node::id)
            .toList();
    Map<Integer, Map<String, LogDirDescription>> dirs =
        await(admin.describeLogDirs(brokers).allDescriptions(), "describe log dirs");
    return dirs.values().stream()
        .flatMap(byPath -> byPath.values().stream())
        .flatMap(dir -> dir.replicaInfos().values().stream())
        .filter(replica -> !replica.isFuture())
        .mapToLong(ReplicaInfo::size)
        .sum();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  /** The lifecycle's view of the same cluster, over the same connection. */
  public LifecycleAdmin lifecycle() {
    return lifecycle;
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    return KafkaCalls.await(future, what);
  }
}
