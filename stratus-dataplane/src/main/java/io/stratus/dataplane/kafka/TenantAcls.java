package io.stratus.dataplane.kafka;

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
 * writes and describing the cluster. It gets no cluster-level ALTER, so it cannot change ACLs,
 * SCRAM credentials or broker configuration. Pure; thread-safe.
 */
public final class TenantAcls {

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
        allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.DESCRIBE_CONFIGS));
  }

  private static AclBinding allow(
      ResourceType type, String name, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }
}
