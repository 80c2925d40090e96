package io.stratus.dataplane.kafka;

import io.stratus.balancer.monitor.MonitorSettings;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs a tenant API key gets on its own cluster: full use of every topic, consumer group and
 * transactional id (create, produce, consume, describe, alter configs, delete), plus idempotent
 * writes and describing the cluster; never Kafka's tiered-storage metadata topic nor the balancer's
 * load samples topic. It gets no cluster-level ALTER, so it cannot change ACLs, SCRAM credentials
 * or broker configuration. Pure; thread-safe.
 */
public final class TenantAcls {

  /** The topic where Kafka's tiered storage keeps which segments are where. */
  public static final String REMOTE_LOG_METADATA_TOPIC = "__remote_log_metadata";

  /** The topic where brokers' load reporters publish partition load for the balancer. */
  public static final String LOAD_SAMPLES_TOPIC = MonitorSettings.DEFAULT_SAMPLES_TOPIC;

  private TenantAcls() {}

  /** The ACL bindings for the SCRAM user {@code key}. */
  public static List<AclBinding> forKey(String key) {
    String principal = "User:" + key;
    return List.of(
        allow(ResourceType.TOPIC, "*", principal, AclOperation.ALL),
        allow(ResourceType.GROUP, "*", principal, AclOperation.ALL),
        allow(ResourceType.TRANSACTIONAL_ID, "*", principal, AclOperation.ALL),
        allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.IDEMPOTENT_WRITE),
        allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.DESCRIBE),
        allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.DESCRIBE_CONFIGS),
        // Kafka's tiered-storage metadata is not an internal topic to Kafka; it is to us.
        deny(ResourceType.TOPIC, REMOTE_LOG_METADATA_TOPIC, principal, AclOperation.ALL),
        // The platform's own: tenants could read other brokers' load or feed the balancer lies.
        deny(ResourceType.TOPIC, LOAD_SAMPLES_TOPIC, principal, AclOperation.ALL));
  }

  private static AclBinding deny(
      ResourceType type, String name, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.DENY));
  }

  private static AclBinding allow(
      ResourceType type, String name, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }
}
