package io.stratus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StratusJsonTest {

  private final ClusterSpec spec =
      new ClusterSpec("orders", ClusterType.DEDICATED, 3, "4.4.0", Map.of("a", "b"));

  @Test
  void desiredEventsRoundTripWithTheirType() throws JsonProcessingException {
    DesiredEvent event =
        new DesiredEvent.ClusterChanged(
            new DesiredCluster(
                "lkc-abc123", spec, 4, false, Instant.parse("2026-01-01T00:00:00Z")));

    String json = StratusJson.mapper().writeValueAsString(event);

    assertThat(json).contains("\"type\":\"cluster\"").contains("\"type\":\"dedicated\"");
    assertThat(StratusJson.mapper().readValue(json, DesiredEvent.class)).isEqualTo(event);
  }

  @Test
  void statusEventsRoundTripWithAbsentBootstrapAsNull() throws JsonProcessingException {
    StatusEvent event =
        new StatusEvent.ClusterReported(
            "lkc-abc123",
            new ClusterStatus(
                ClusterPhase.PROVISIONING,
                Optional.empty(),
                Optional.of("4.4.0"),
                List.of(new BrokerStatus(0, "127.0.0.1", 9092, BrokerState.STARTING, "4.4.0")),
                "starting 3 brokers",
                1),
            Instant.parse("2026-01-01T00:00:00Z"));

    String json = StratusJson.mapper().writeValueAsString(event);

    assertThat(json).contains("\"bootstrap\":null").contains("\"state\":\"STARTING\"");
    assertThat(StratusJson.mapper().readValue(json, StatusEvent.class)).isEqualTo(event);
  }

  @Test
  void theLifecycleOperationRoundTripsWithItsKindByWireName() throws JsonProcessingException {
    ClusterStatus status =
        new ClusterStatus(
            ClusterPhase.UPDATING,
            Optional.of("127.0.0.1:19092"),
            Optional.of("4.4.0"),
            List.of(),
            "restarting broker 2",
            5,
            Optional.empty(),
            Optional.of(
                new LifecycleOperation(
                    OperationKind.RESTART, 1, 3, Optional.of(2), 33, Optional.empty())),
            Optional.of("4.4-IV0"));

    String json = StratusJson.mapper().writeValueAsString(status);

    assertThat(json)
        .contains("\"kind\":\"restart\"")
        .contains("\"metadataVersion\":\"4.4-IV0\"")
        .contains("\"waitingFor\":null");
    assertThat(StratusJson.mapper().readValue(json, ClusterStatus.class)).isEqualTo(status);
  }

  @Test
  void aSpecWithoutARestartRequestReadsAsNone() throws JsonProcessingException {
    String written =
        "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":3,\"kafkaVersion\":\"4.4.0\","
            + "\"config\":{}}";
    Instant at = Instant.parse("2026-01-02T03:04:05Z");

    ClusterSpec read = StratusJson.mapper().readValue(written, ClusterSpec.class);
    String restarted = StratusJson.mapper().writeValueAsString(read.withRestartRequestedAt(at));

    assertThat(read.restartRequestedAt()).isEmpty();
    assertThat(restarted).contains("\"restartRequestedAt\":\"2026-01-02T03:04:05Z\"");
    assertThat(StratusJson.mapper().readValue(restarted, ClusterSpec.class).restartRequestedAt())
        .contains(at);
  }

  @Test
  void unknownFieldsAreRejected() {
    assertThatThrownBy(
            () ->
                StratusJson.mapper()
                    .readValue("{\"name\":\"x\",\"colour\":\"red\"}", CreateClusterRequest.class))
        .hasMessageContaining("colour");
  }

  @Test
  void clusterIdsHaveTheDocumentedForm() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(Identifiers.newClusterId(random)).matches("lkc-[a-z0-9]{6}");
    }
    assertThat(Identifiers.isClusterId("lkc-ab12cd")).isTrue();
    assertThat(Identifiers.isClusterId("lkc-AB12CD")).isFalse();
  }

  @Test
  void dnsLabelsFollowTheRules() {
    assertThat(Identifiers.isDnsLabel("orders")).isTrue();
    assertThat(Identifiers.isDnsLabel("o")).isTrue();
    assertThat(Identifiers.isDnsLabel("orders-2")).isTrue();
    assertThat(Identifiers.isDnsLabel("a".repeat(63))).isTrue();
    assertThat(Identifiers.isDnsLabel("a".repeat(64))).isFalse();
    assertThat(Identifiers.isDnsLabel("2orders")).isFalse();
    assertThat(Identifiers.isDnsLabel("orders-")).isFalse();
    assertThat(Identifiers.isDnsLabel("Orders")).isFalse();
    assertThat(Identifiers.isDnsLabel("")).isFalse();
    assertThat(Identifiers.isDnsLabel("or_ders")).isFalse();
  }
}
