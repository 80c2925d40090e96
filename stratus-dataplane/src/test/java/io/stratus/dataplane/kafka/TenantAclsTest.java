package io.stratus.dataplane.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class TenantAclsTest {

  @Test
  void tenantsAreDeniedThePlatformsOwnTopics() {
    List<AclBinding> acls = TenantAcls.forKey("key1");

    assertThat(acls).contains(deny("__remote_log_metadata"), deny("__stratus_partition_load"));
  }

  private static AclBinding deny(String topic) {
    return new AclBinding(
        new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        new AccessControlEntry("User:key1", "*", AclOperation.ALL, AclPermissionType.DENY));
  }
}
