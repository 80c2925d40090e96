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
