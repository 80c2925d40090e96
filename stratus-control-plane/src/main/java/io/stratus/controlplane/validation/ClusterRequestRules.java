package io.stratus.controlplane.validation;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.BalancingSpec;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterType;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.Identifiers;
import io.stratus.api.PatchClusterRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules a cluster request must follow to become a spec. Each rule that fails names its field,
 * says what was wrong and what is allowed; the first failing rule is reported. Pure, immutable and
 * thread-safe.
 */
public final class ClusterRequestRules {

  /** The fewest brokers a cluster may have. */
  public static final int MIN_BROKERS = 1;

  /** The most brokers a cluster may have. */
  public static final int MAX_BROKERS = 32;

  /** The broker count of a cluster that asks for none. */
  public static final int DEFAULT_BROKERS = 3;

  /** Nodes 0 to this minus one run the KRaft controller quorum and are never removed. */
  public static final int QUORUM_NODES = 3;

  private static final String DNS_LABEL_RULE =
      "1 to 63 of a-z, 0-9 and '-', starting with a letter and ending with a letter or digit";

  private final KafkaVersions versions;
  private final BrokerConfigAllowlist allowlist;

  /** Rules for these Kafka versions and broker settings. */
  public ClusterRequestRules(KafkaVersions versions, BrokerConfigAllowlist allowlist) {
    this.versions = versions;
    this.allowlist = allowlist;
  }

  /** The spec a create request asks for, with defaults filled in, or the rule it breaks. */
  public Validation<ClusterSpec> newSpec(CreateClusterRequest request) {
    if (request.name() == null) {
      return Validation.invalid("name", "name is required: " + DNS_LABEL_RULE);
    }
    if (!Identifiers.isDnsLabel(request.name())) {
      return Validation.invalid(
          "name",
          "name '" + Shown.value(request.name()) + "' is not a DNS label; use " + DNS_LABEL_RULE);
    }
    if (request.type() == null) {
      return Validation.invalid("type", "type is required; allowed: " + allowedTypes());
    }
    Optional<ClusterType> type = ClusterType.fromWireName(request.type());
    if (type.isEmpty()) {
      return Validation.invalid(
          "type",
          "type '"
              + Shown.value(request.type())
              + "' is not supported; allowed: "
              + allowedTypes());
    }
    int brokers = request.brokers() == null ? DEFAULT_BROKERS : request.brokers();
    Optional<Violation> brokerCount = checkBrokerRange(brokers);
    if (brokerCount.isPresent()) {
      return new Validation.Invalid<>(brokerCount.get());
    }
    String kafkaVersion =
        request.kafkaVersion() == null ? versions.defaultVersion() : request.kafkaVersion();
    Optional<Violation> version = checkVersion(kafkaVersion);
    if (version.isPresent()) {
      return new Validation.Invalid<>(version.get());
    }
    Map<String, String> config = request.config() == null ? Map.of() : request.config();
    Optional<Violation> configViolation = checkConfig(config);
    if (configViolation.isPresent()) {
      return new Validation.Invalid<>(configViolation.get());
    }
    Validation<Optional<BalancingSpec>> balancing = balancing(request.balancing());
    if (balancing instanceof Validation.Invalid<Optional<BalancingSpec>> invalid) {
      return new Validation.Invalid<>(invalid.violation());
    }
    return Validation.valid(
        new ClusterSpec(
            request.name(),
            type.get(),
            brokers,
            kafkaVersion,
            config,
            ((Validation.Valid<Optional<BalancingSpec>>) balancing)
                .value()
                .orElse(BalancingSpec.DEFAULT)));
  }

  /**
   * The spec after this patch, or the rule the patch breaks. A patch's {@code config} replaces the
   * overrides as a whole: a key left out is removed, and {@code {}} removes them all. A patch may
   * not lower {@code kafkaVersion}.
   */
  public Validation<ClusterSpec> patchedSpec(ClusterSpec current, PatchClusterRequest patch) {
    boolean balancingAbsent = patch.balancing() == null || patch.balancing().mode() == null;
    if (patch.brokers() == null
        && patch.kafkaVersion() == null
        && patch.config() == null
        && balancingAbsent) {
      return Validation.invalid(
          "body",
          "nothing to change: give at least one of brokers, kafkaVersion, config, balancing.mode");
    }
    ClusterSpec next = current;
    if (patch.brokers() != null) {
      Optional<Violation> violation = checkBrokerChange(current.brokers(), patch.brokers());
      if (violation.isPresent()) {
        return new Validation.Invalid<>(violation.get());
      }
      next = next.withBrokers(patch.brokers());
    }
    if (patch.kafkaVersion() != null) {
      Optional<Violation> violation =
          checkVersion(patch.kafkaVersion())
              .or(() -> checkNoDowngrade(current.kafkaVersion(), patch.kafkaVersion()));
      if (violation.isPresent()) {
        return new Validation.Invalid<>(violation.get());
      }
      next = next.withKafkaVersion(patch.kafkaVersion());
    }
    if (patch.config() != null) {
      Optional<Violation> violation = checkConfig(patch.config());
      if (violation.isPresent()) {
        return new Validation.Invalid<>(violation.get());
      }
      next = next.withConfig(patch.config());
    }
    Validation<Optional<BalancingSpec>> balancing = balancing(patch.balancing());
    if (balancing instanceof Validation.Invalid<Optional<BalancingSpec>> invalid) {
      return new Validation.Invalid<>(invalid.violation());
    }
    Optional<BalancingSpec> nextBalancing =
        ((Validation.Valid<Optional<BalancingSpec>>) balancing).value();
    if (nextBalancing.isPresent()) {
      next = next.withBalancing(nextBalancing.get());
    }
    return Validation.valid(next);
  }

  /** The balancing a request asks for, empty when it names no mode, or the rule it breaks. */
  private static Validation<Optional<BalancingSpec>> balancing(BalancingRequest request) {
    if (request == null || request.mode() == null) {
      return Validation.valid(Optional.empty());
    }
    Optional<BalancingMode> mode = BalancingMode.fromWireName(request.mode());
    if (mode.isEmpty()) {
      return Validation.invalid(
          "balancing.mode",
          "balancing.mode '"
              + Shown.value(request.mode())
              + "' is not supported; allowed: "
              + BalancingMode.allowedWireNames());
    }
    return Validation.valid(Optional.of(new BalancingSpec(mode.get())));
  }

  private Optional<Violation> checkBrokerChange(int current, int requested) {
    Optional<Violation> range = checkBrokerRange(requested);
    if (range.isPresent()) {
      return range;
    }
    int floor = Math.min(QUORUM_NODES, current);
    if (requested < floor) {
      return Optional.of(
          new Violation(
              "brokers",
              "brokers cannot go below "
                  + floor
                  + " for this cluster of "
                  + current
                  + ": nodes 0 to "
                  + (QUORUM_NODES - 1)
                  + " run the KRaft controller quorum and are never removed; asked for "
                  + requested));
    }
    return Optional.empty();
  }

  private static Optional<Violation> checkBrokerRange(int brokers) {
    if (brokers < MIN_BROKERS || brokers > MAX_BROKERS) {
      return Optional.of(
          new Violation(
              "brokers",
              "brokers must be from " + MIN_BROKERS + " to " + MAX_BROKERS + "; was " + brokers));
    }
    return Optional.empty();
  }

  private Optional<Violation> checkVersion(String kafkaVersion) {
    if (!versions.isSupported(kafkaVersion)) {
      return Optional.of(
          new Violation(
              "kafkaVersion",
              "kafkaVersion '"
                  + Shown.value(kafkaVersion)
                  + "' is not supported; allowed: "
                  + versions.describe()));
    }
    return Optional.empty();
  }

  /**
   * Kafka finalizes the new {@code metadata.version} once every broker runs the new version, and a
   * finalized metadata version cannot be lowered again; so a cluster only ever moves forward.
   */
  private static Optional<Violation> checkNoDowngrade(String current, String requested) {
    if (!KafkaVersions.isOlder(requested, current)) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            "kafkaVersion",
            "kafkaVersion "
                + requested
                + " is older than the cluster's "
                + current
                + ": Kafka cannot lower a finalized metadata.version, so clusters are never"
                + " downgraded; create a new cluster at "
                + requested
                + " and move the data instead"));
  }

  private Optional<Violation> checkConfig(Map<String, String> config) {
    for (Map.Entry<String, String> entry : new TreeMap<>(config).entrySet()) {
      Optional<Violation> violation = allowlist.check(entry.getKey(), entry.getValue());
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  private static String allowedTypes() {
    return Arrays.stream(ClusterType.values())
        .map(ClusterType::wireName)
        .collect(Collectors.joining(", "));
  }
}
