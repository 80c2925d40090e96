package io.stratus.controlplane.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerConfigAllowlistTest {

  private final BrokerConfigAllowlist allowlist = BrokerConfigAllowlist.standard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "num.partitions|6",
        "default.replication.factor|3",
        "min.insync.replicas|2",
        "log.retention.ms|-1",
        "log.retention.hours|168",
        "log.retention.bytes|1073741824",
        "log.segment.bytes|1048576",
        "log.cleanup.policy|compact,delete",
        "message.max.bytes|1048588",
        "compression.type|zstd",
        "auto.create.topics.enable|false",
        "offsets.retention.minutes|10080",
        "delete.topic.enable|true",
        "log.message.timestamp.type|LogAppendTime"
      })
  void tenantsMaySetTopicDefaultsAndLimits(String key, String value) {
    assertThat(allowlist.check(key, value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "listeners",
        "advertised.listeners",
        "listener.security.protocol.map",
        "sasl.enabled.mechanisms",
        "ssl.keystore.location",
        "authorizer.class.name",
        "super.users",
        "process.roles",
        "node.id",
        "controller.quorum.voters",
        "log.dirs",
        "remote.log.storage.system.enable"
      })
  void platformSettingsCannotBeSet(String key) {
    Optional<Violation> violation = allowlist.check(key, "anything");

    assertThat(violation).isPresent();
    assertThat(violation.get().field()).isEqualTo("config." + key);
    assertThat(violation.get().detail()).contains("cannot be set").contains("Allowed settings:");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "num.partitions|0|at least 1",
        "num.partitions|six|at least 1",
        "log.segment.bytes|1024|at least 1048576",
        "log.cleanup.policy|forever|delete, compact",
        "compression.type|brotli|one of producer",
        "auto.create.topics.enable|yes|one of true, false",
        "log.message.timestamp.type|createtime|CreateTime, LogAppendTime",
        "min.insync.replicas|40|from 1 to 32"
      })
  void valuesKafkaRefusesAreRefusedUpFront(String key, String value, String allowed) {
    Optional<Violation> violation = allowlist.check(key, value);

    assertThat(violation).isPresent();
    assertThat(violation.get().field()).isEqualTo("config." + key);
    assertThat(violation.get().detail()).contains("'" + value + "'").contains(allowed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void valuesMustNotBeEmpty(String value) {
    assertThat(allowlist.check("num.partitions", value))
        .hasValueSatisfying(v -> assertThat(v.detail()).contains("non-empty"));
  }
}
