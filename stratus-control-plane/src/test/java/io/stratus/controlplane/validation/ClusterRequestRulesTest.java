package io.stratus.controlplane.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.BalancingSpec;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterType;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
import io.stratus.controlplane.TestData;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterRequestRulesTest {

  private final ClusterRequestRules rules = TestData.rules();

  private static Violation violation(Validation<?> validation) {
    assertThat(validation).as("expected a broken rule").isInstanceOf(Validation.Invalid.class);
    return ((Validation.Invalid<?>) validation).violation();
  }

  private static ClusterSpec spec(Validation<ClusterSpec> validation) {
    assertThat(validation).as("expected a valid spec").isInstanceOf(Validation.Valid.class);
    return ((Validation.Valid<ClusterSpec>) validation).value();
  }

  @Nested
  class Create {

    private Validation<ClusterSpec> create(
        String name, String type, Integer brokers, String version, Map<String, String> config) {
      return rules.newSpec(new CreateClusterRequest(name, type, brokers, version, config));
    }

    @Test
    void absentOptionalFieldsTakeTheDefaults() {
      ClusterSpec spec = spec(create("orders", "dedicated", null, null, null));

      assertThat(spec)
          .isEqualTo(new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of()));
    }

    @Test
    void everyFieldCanBeGiven() {
      ClusterSpec spec =
          spec(create("orders-2", "dedicated", 5, "4.3.1", Map.of("num.partitions", "6")));

      assertThat(spec)
          .isEqualTo(
              new ClusterSpec(
                  "orders-2", ClusterType.DEDICATED, 5, "4.3.1", Map.of("num.partitions", "6")));
    }

    @Test
    void nameIsRequired() {
      Violation violation = violation(create(null, "dedicated", null, null, null));

      assertThat(violation.field()).isEqualTo("name");
      assertThat(violation.detail()).contains("required").contains("a-z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Orders", "2orders", "orders-", "or_ders", "orders.eu"})
    void nameMustBeADnsLabel(String name) {
      Violation violation = violation(create(name, "dedicated", null, null, null));

      assertThat(violation.field()).isEqualTo("name");
      assertThat(violation.detail())
          .contains("'" + name + "'")
          .contains("not a DNS label")
          .contains("starting with a letter");
    }

    @Test
    void nameMayBe63CharactersButNotMore() {
      assertThat(create("a".repeat(63), "dedicated", null, null, null))
          .isInstanceOf(Validation.Valid.class);
      assertThat(violation(create("a".repeat(64), "dedicated", null, null, null)).field())
          .isEqualTo("name");
    }

    @Test
    void typeIsRequired() {
      Violation violation = violation(create("orders", null, null, null, null));

      assertThat(violation.field()).isEqualTo("type");
      assertThat(violation.detail()).contains("required").contains("allowed: dedicated");
    }

    @Test
    void typeMustBeKnown() {
      Violation violation = violation(create("orders", "serverless", null, null, null));

      assertThat(violation.field()).isEqualTo("type");
      assertThat(violation.detail()).contains("'serverless'").contains("allowed: dedicated");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 33, 1000})
    void brokersMustBeFrom1To32(int brokers) {
      Violation violation = violation(create("orders", "dedicated", brokers, null, null));

      assertThat(violation.field()).isEqualTo("brokers");
      assertThat(violation.detail()).contains("from 1 to 32").contains("was " + brokers);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32})
    void brokersAtTheBoundsAreAccepted(int brokers) {
      assertThat(spec(create("orders", "dedicated", brokers, null, null)).brokers())
          .isEqualTo(brokers);
    }

    @Test
    void kafkaVersionMustBeSupported() {
      Violation violation = violation(create("orders", "dedicated", null, "3.9.0", null));

      assertThat(violation.field()).isEqualTo("kafkaVersion");
      assertThat(violation.detail()).contains("'3.9.0'").contains("allowed: 4.3.1, 4.4.0");
    }

    @Test
    void configKeysMustBeOnTheAllowlist() {
      Violation violation =
          violation(create("orders", "dedicated", null, null, Map.of("listeners", "PLAINTEXT://")));

      assertThat(violation.field()).isEqualTo("config.listeners");
      assertThat(violation.detail())
          .contains("'listeners' cannot be set")
          .contains("managed by the platform")
          .contains("num.partitions");
    }

    @Test
    void configValuesMustBeNonEmpty() {
      Violation violation =
          violation(create("orders", "dedicated", null, null, Map.of("num.partitions", " ")));

      assertThat(violation.field()).isEqualTo("config.num.partitions");
      assertThat(violation.detail()).contains("non-empty");
    }

    @Test
    void theFirstBrokenConfigKeyInNameOrderIsReported() {
      Violation violation =
          violation(
              create(
                  "orders",
                  "dedicated",
                  null,
                  null,
                  Map.of("sasl.enabled.mechanisms", "PLAIN", "log.dirs", "/tmp")));

      assertThat(violation.field()).isEqualTo("config.log.dirs");
    }

    @Test
    void balancingDefaultsToAnyUnevenLoadAndCanBeChosen() {
      assertThat(spec(create("orders", "dedicated", null, null, null)).balancing())
          .isEqualTo(new BalancingSpec(BalancingMode.ANY_UNEVEN_LOAD));
      assertThat(
              spec(rules.newSpec(
                      new CreateClusterRequest(
                          "orders", "dedicated", null, null, null, new BalancingRequest(null))))
                  .balancing())
          .isEqualTo(BalancingSpec.DEFAULT);
      assertThat(
              spec(rules.newSpec(
                      new CreateClusterRequest(
                          "orders", "dedicated", null, null, null, new BalancingRequest("off"))))
                  .balancing()
                  .mode())
          .isEqualTo(BalancingMode.OFF);
    }

    @Test
    void anUnknownBalancingModeIsNamedWithTheAllowedOnes() {
      Violation violation =
          violation(
              rules.newSpec(
                  new CreateClusterRequest(
                      "orders", "dedicated", null, null, null, new BalancingRequest("OFF"))));

      assertThat(violation.field()).isEqualTo("balancing.mode");
      assertThat(violation.detail())
          .isEqualTo(
              "balancing.mode 'OFF' is not supported; allowed: off, empty-broker,"
                  + " any-uneven-load");
    }

    @Test
    void rulesAreCheckedInFieldOrder() {
      Violation violation = violation(create("Bad", "nope", 0, "1.0", Map.of("x", "y")));

      assertThat(violation.field()).isEqualTo("name");
    }
  }

  @Nested
  class Patch {

    private final ClusterSpec current = TestData.spec("orders", 5).withKafkaVersion("4.3.1");

    private Validation<ClusterSpec> patch(Integer brokers, String version) {
      return rules.patchedSpec(current, new PatchClusterRequest(brokers, version, null, null));
    }

    @Test
    void brokersAndVersionChange() {
      assertThat(spec(patch(7, "4.4.0")))
          .isEqualTo(new ClusterSpec("orders", ClusterType.DEDICATED, 7, "4.4.0", Map.of()));
    }

    @Test
    void balancingChangesAloneAndKeepsTheRest() {
      ClusterSpec grownOff =
          spec(
              rules.patchedSpec(
                  current,
                  new PatchClusterRequest(
                      null, null, null, null, new BalancingRequest("empty-broker"))));

      assertThat(grownOff)
          .isEqualTo(current.withBalancing(new BalancingSpec(BalancingMode.EMPTY_BROKER)));
      assertThat(
              spec(rules.patchedSpec(grownOff, new PatchClusterRequest(6, "4.4.0", null, null)))
                  .balancing()
                  .mode())
          .as("other changes keep the mode")
          .isEqualTo(BalancingMode.EMPTY_BROKER);
    }

    @Test
    void anUnknownBalancingModeIsRefused() {
      Violation violation =
          violation(
              rules.patchedSpec(
                  current,
                  new PatchClusterRequest(null, null, null, null, new BalancingRequest("never"))));

      assertThat(violation.field()).isEqualTo("balancing.mode");
      assertThat(violation.detail()).contains("allowed: off, empty-broker, any-uneven-load");
    }

    @Test
    void aBalancingObjectWithoutModeIsNothingToChange() {
      Violation violation =
          violation(
              rules.patchedSpec(
                  current,
                  new PatchClusterRequest(null, null, null, null, new BalancingRequest(null))));

      assertThat(violation.field()).isEqualTo("body");
      assertThat(violation.detail()).contains("balancing.mode");
    }

    @Test
    void somethingMustChange() {
      Violation violation =
          violation(rules.patchedSpec(current, new PatchClusterRequest(null, null, null, 4L)));

      assertThat(violation.field()).isEqualTo("body");
      assertThat(violation.detail()).contains("brokers").contains("kafkaVersion");
    }

    @Test
    void somethingMustChangeNamesEveryFieldThatCan() {
      Violation violation =
          violation(rules.patchedSpec(current, new PatchClusterRequest(null, null, null, null)));

      assertThat(violation.detail())
          .isEqualTo(
              "nothing to change: give at least one of brokers, kafkaVersion, config,"
                  + " balancing.mode");
    }

    @Test
    void configReplacesTheOverridesAsAWhole() {
      ClusterSpec configured =
          current.withConfig(Map.of("num.partitions", "3", "log.retention.ms", "1000"));

      ClusterSpec next =
          spec(
              rules.patchedSpec(
                  configured,
                  new PatchClusterRequest(
                      null,
                      null,
                      Map.of("num.partitions", "6", "compression.type", "zstd"),
                      null)));

      assertThat(next.config())
          .as("a key left out is removed")
          .isEqualTo(Map.of("num.partitions", "6", "compression.type", "zstd"));
      assertThat(next.withConfig(configured.config())).isEqualTo(configured);
    }

    @Test
    void anEmptyConfigRemovesEveryOverride() {
      ClusterSpec configured = current.withConfig(Map.of("num.partitions", "3"));

      assertThat(
              spec(rules.patchedSpec(
                      configured, new PatchClusterRequest(null, null, Map.of(), null)))
                  .config())
          .isEmpty();
    }

    @Test
    void configFollowsTheAllowlistAsOnCreate() {
      Violation platformKey =
          violation(
              rules.patchedSpec(
                  current,
                  new PatchClusterRequest(
                      null, null, Map.of("num.partitions", "3", "listeners", "x"), null)));
      Violation badValue =
          violation(
              rules.patchedSpec(
                  current,
                  new PatchClusterRequest(null, null, Map.of("num.partitions", "0"), null)));

      assertThat(platformKey.field()).isEqualTo("config.listeners");
      assertThat(platformKey.detail()).contains("managed by the platform");
      assertThat(badValue.field()).isEqualTo("config.num.partitions");
      assertThat(badValue.detail()).contains("which Kafka does not accept");
    }

    @Test
    void kafkaVersionCannotGoDown() {
      Violation violation =
          violation(
              rules.patchedSpec(
                  TestData.spec("orders", 5), new PatchClusterRequest(null, "4.3.1", null, null)));

      assertThat(violation.field()).isEqualTo("kafkaVersion");
      assertThat(violation.detail())
          .isEqualTo(
              "kafkaVersion 4.3.1 is older than the cluster's 4.4.0: Kafka cannot lower a"
                  + " finalized metadata.version, so clusters are never downgraded; create a new"
                  + " cluster at 4.3.1 and move the data instead");
    }

    @Test
    void kafkaVersionMayStayOrGoUp() {
      assertThat(spec(patch(null, "4.4.0")).kafkaVersion()).isEqualTo("4.4.0");
      assertThat(spec(patch(null, "4.3.1"))).as("the same version").isEqualTo(current);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 33})
    void brokersMustBeFrom1To32(int brokers) {
      Violation violation = violation(patch(brokers, null));

      assertThat(violation.field()).isEqualTo("brokers");
      assertThat(violation.detail()).contains("from 1 to 32");
    }

    @Test
    void aClusterOfThreeOrMoreCannotShrinkBelowTheQuorum() {
      Violation violation = violation(patch(2, null));

      assertThat(violation.field()).isEqualTo("brokers");
      assertThat(violation.detail())
          .contains("cannot go below 3")
          .contains("KRaft controller quorum")
          .contains("asked for 2");
      assertThat(spec(patch(3, null)).brokers()).isEqualTo(3);
    }

    @Test
    void aSmallClusterCannotShrinkBelowItsSize() {
      ClusterSpec two = TestData.spec("orders", 2);

      Violation violation =
          violation(rules.patchedSpec(two, new PatchClusterRequest(1, null, null, null)));

      assertThat(violation.detail()).contains("cannot go below 2");
      assertThat(
              spec(rules.patchedSpec(two, new PatchClusterRequest(3, null, null, null))).brokers())
          .isEqualTo(3);
    }

    @Test
    void kafkaVersionMustBeSupported() {
      Violation violation = violation(patch(null, "5.0.0"));

      assertThat(violation.field()).isEqualTo("kafkaVersion");
      assertThat(violation.detail()).contains("allowed: 4.3.1, 4.4.0");
    }
  }
}
