package io.stratus.controlplane.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The broker settings a tenant may set on its cluster: defaults for topics and a few broker-wide
 * limits, each with the values Kafka accepts for it. Listeners, security, quorum and storage
 * settings are the platform's and are never on the list. Immutable and thread-safe.
 */
public final class BrokerConfigAllowlist {

  private static final ConfigValueRule BOOLEAN =
      new ConfigValueRule.OneOf(List.of("true", "false"));
  private static final ConfigValueRule POSITIVE_INT =
      new ConfigValueRule.WholeNumber(1, Integer.MAX_VALUE);
  private static final ConfigValueRule INT_OR_UNLIMITED =
      new ConfigValueRule.WholeNumber(-1, Integer.MAX_VALUE);
  private static final ConfigValueRule LONG_OR_UNLIMITED =
      new ConfigValueRule.WholeNumber(-1, Long.MAX_VALUE);

  private static final Map<String, ConfigValueRule> RULES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("num.partitions", POSITIVE_INT),
              Map.entry("default.replication.factor", new ConfigValueRule.WholeNumber(1, 32)),
              Map.entry("min.insync.replicas", new ConfigValueRule.WholeNumber(1, 32)),
              Map.entry("log.retention.ms", LONG_OR_UNLIMITED),
              Map.entry("log.retention.hours", INT_OR_UNLIMITED),
              Map.entry("log.retention.bytes", LONG_OR_UNLIMITED),
              // The hot set kept on brokers; -2 keeps as much as log.retention.* keeps.
              Map.entry(
                  "log.local.retention.ms", new ConfigValueRule.WholeNumber(-2, Long.MAX_VALUE)),
              Map.entry(
                  "log.local.retention.bytes", new ConfigValueRule.WholeNumber(-2, Long.MAX_VALUE)),
              // Kafka 4 refuses segments below 1 MiB.
              Map.entry(
                  "log.segment.bytes", new ConfigValueRule.WholeNumber(1 << 20, Integer.MAX_VALUE)),
              Map.entry(
                  "log.cleanup.policy", new ConfigValueRule.ListOf(List.of("delete", "compact"))),
              Map.entry("message.max.bytes", new ConfigValueRule.WholeNumber(0, Integer.MAX_VALUE)),
              Map.entry(
                  "compression.type",
                  new ConfigValueRule.OneOf(
                      List.of("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"))),
              Map.entry("auto.create.topics.enable", BOOLEAN),
              Map.entry("offsets.retention.minutes", POSITIVE_INT),
              Map.entry("delete.topic.enable", BOOLEAN),
              Map.entry(
                  "log.message.timestamp.type",
                  new ConfigValueRule.OneOf(List.of("CreateTime", "LogAppendTime")))));

  /** The settings tenants may set, by name. */
  public static BrokerConfigAllowlist standard() {
    return new BrokerConfigAllowlist();
  }

  private BrokerConfigAllowlist() {}

  /** Every setting a tenant may set, sorted. */
  public List<String> keys() {
    return List.copyOf(RULES.keySet());
  }

  /** The rule this setting breaks, unless it may be set to this value. */
  public Optional<Violation> check(String key, String value) {
    String field = "config." + key;
    ConfigValueRule rule = RULES.get(key);
    if (rule == null) {
      return Optional.of(
          new Violation(
              field,
              "broker setting '"
                  + key
                  + "' cannot be set; listeners, security, quorum and storage settings are"
                  + " managed by the platform. Allowed settings: "
                  + String.join(", ", keys())));
    }
    if (value == null || value.isBlank()) {
      return Optional.of(
          new Violation(field, field + " must be a non-empty string: " + rule.describe()));
    }
    if (!rule.accepts(value)) {
      return Optional.of(
          new Violation(
              field,
              field
                  + " is '"
                  + Shown.value(value)
                  + "', which Kafka does not accept; use "
                  + rule.describe()));
    }
    return Optional.empty();
  }
}
