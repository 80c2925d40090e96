package io.stratus.cli.cluster;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static io.stratus.cli.testing.ClusterFixtures.json;
import static io.stratus.cli.testing.ClusterFixtures.operating;
import static io.stratus.cli.testing.ClusterFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import io.stratus.api.StratusJson;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import io.stratus.cli.testing.ManualClock;
import io.stratus.cli.testing.StubApi;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code cluster restart}, {@code cluster upgrade} and {@code cluster config}. */
class ClusterLifecycleCommandsTest {

  private static final String ID = "lkc-ab12cd";
  private static final String CLUSTER_PATH = "/v1/clusters/" + ID;
  private static final String RESTART_PATH = CLUSTER_PATH + "/restart";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final CliEnvironment environment = CliRun.environment(Map.of(), clock);
  private StubApi api;

  @BeforeEach
  void startApi() throws IOException {
    api = StubApi.start();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Result stratus(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api-url", api.url(), "--api-key", "admin-key"));
    return CliRun.run(environment, all.toArray(String[]::new));
  }

  private static Cluster configured(Cluster cluster, Map<String, String> config) {
    return withSpec(cluster, cluster.spec().withConfig(config));
  }

  private static String sent(StubApi.Request request) throws IOException {
    return StratusJson.mapper().readTree(request.body()).toString();
  }

  @Nested
  class Restart {

    @Test
    void asksForARestartAndSaysAtWhichVersion() {
      api.json("POST", RESTART_PATH, 202, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 7, "")));

      Result result = stratus("cluster", "restart", ID);

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out())
          .isEqualTo("Restarting lkc-ab12cd one broker at a time (version 8).\n");
      assertThat(api.requests()).hasSize(1);
      assertThat(api.requests().get(0).body()).isEmpty();
    }

    @Test
    void waitFollowsTheRollUntilReadyAtTheNewVersion() {
      LifecycleOperation firstDone =
          new LifecycleOperation(OperationKind.RESTART, 1, 3, Optional.of(1), 33, Optional.empty());
      LifecycleOperation waiting =
          new LifecycleOperation(
              OperationKind.RESTART,
              1,
              3,
              Optional.of(1),
              33,
              Optional.of("orders-0 to have 2 in-sync replicas"));
      api.json("POST", RESTART_PATH, 202, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 7, "")))
          .json(
              "GET",
              CLUSTER_PATH,
              200,
              json(
                  operating(
                      cluster(ID, ClusterPhase.UPDATING, 3, 2, 8, 8, "restarting broker 1"),
                      firstDone,
                      "4.4-IV0")))
          .json(
              "GET",
              CLUSTER_PATH,
              200,
              json(
                  operating(
                      cluster(ID, ClusterPhase.UPDATING, 3, 3, 8, 8, "waiting for orders-0"),
                      waiting,
                      "4.4-IV0")))
          .json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 8, "")));

      Result result = stratus("cluster", "restart", ID, "--wait");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err().lines())
          .containsExactly(
              "lkc-ab12cd UPDATING 2/3 brokers running — rolling restart: 1 of 3 brokers, broker 1"
                  + " now (33%) — restarting broker 1 (0s)",
              "lkc-ab12cd UPDATING 3/3 brokers running — rolling restart: 1 of 3 brokers, broker 1"
                  + " now (33%) — waiting for orders-0 (1s)");
      assertThat(result.out())
          .startsWith("Restarting lkc-ab12cd one broker at a time (version 8).\n")
          .contains("Phase:          READY");
    }

    @Test
    void jsonPrintsTheApisAnswerOnly() throws IOException {
      String body = json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 7, ""));
      api.json("POST", RESTART_PATH, 202, body);

      Result result = stratus("cluster", "restart", ID, "--json");

      assertThat(StratusJson.mapper().readTree(result.out()))
          .isEqualTo(StratusJson.mapper().readTree(body));
    }

    @Test
    void aBusyClusterIsReportedWithTheApisReason() {
      api.problem(
          "POST",
          RESTART_PATH,
          409,
          "cluster lkc-ab12cd is busy: rolling upgrade, 1 of 3 brokers upgraded; retry once it is"
              + " READY");

      Result result = stratus("cluster", "restart", ID);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "Error: cluster lkc-ab12cd is busy: rolling upgrade, 1 of 3 brokers upgraded; retry"
                  + " once it is READY (HTTP 409)\n");
    }
  }

  @Nested
  class Upgrade {

    @Test
    void patchesTheKafkaVersionAtTheVersionItRead() throws IOException {
      api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")))
          .json("PATCH", CLUSTER_PATH, 202, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 7, "")));

      Result result = stratus("cluster", "upgrade", ID, "--kafka-version", "4.5.0");

      assertThat(result.exitCode()).as(result.err()).isZero();
      StubApi.Request patch = api.requests("PATCH", CLUSTER_PATH).get(0);
      assertThat(patch.header("If-Match")).isEqualTo("\"7\"");
      assertThat(sent(patch)).isEqualTo("{\"kafkaVersion\":\"4.5.0\"}");
      assertThat(result.out())
          .isEqualTo(
              "Upgrading lkc-ab12cd from Kafka 4.4.0 to 4.5.0, one broker at a time (version"
                  + " 8).\n");
    }

    @Test
    void theVersionAskedForAlreadyWritesNothing() {
      api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")));

      Result result = stratus("cluster", "upgrade", ID, "--kafka-version", "4.4.0");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(api.requests("PATCH", CLUSTER_PATH)).isEmpty();
      assertThat(result.out()).isEqualTo("lkc-ab12cd asks for Kafka 4.4.0 already.\n");
    }

    @Test
    void aDowngradeIsRefusedByTheApi() {
      api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")))
          .problem(
              "PATCH",
              CLUSTER_PATH,
              400,
              "kafkaVersion 4.3.1 is older than the cluster's 4.4.0: clusters are never"
                  + " downgraded");

      Result result = stratus("cluster", "upgrade", ID, "--kafka-version", "4.3.1");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .contains("Error: kafkaVersion 4.3.1 is older than the cluster's 4.4.0")
          .contains("(HTTP 400)");
    }

    @Test
    void theVersionIsRequired() {
      Result result = stratus("cluster", "upgrade", ID);

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("--kafka-version");
      assertThat(api.requests()).isEmpty();
    }
  }

  @Nested
  class Config {

    @Test
    void setsAndUnsetsOnTopOfTheCurrentOverridesAndSendsTheWholeMap() throws IOException {
      Cluster current =
          configured(
              cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, ""),
              Map.of("log.retention.ms", "1000", "num.partitions", "3"));
      api.json("GET", CLUSTER_PATH, 200, json(current)).empty("PATCH", CLUSTER_PATH, 202);

      Result result =
          stratus(
              "cluster",
              "config",
              ID,
              "--set",
              "num.partitions=6",
              "--set",
              "compression.type=zstd",
              "--unset",
              "log.retention.ms");

      assertThat(result.exitCode()).as(result.err()).isZero();
      StubApi.Request patch = api.requests("PATCH", CLUSTER_PATH).get(0);
      assertThat(patch.header("If-Match")).isEqualTo("\"7\"");
      assertThat(StratusJson.mapper().readTree(patch.body()))
          .isEqualTo(
              StratusJson.mapper()
                  .readTree(
                      "{\"config\":{\"compression.type\":\"zstd\",\"num.partitions\":\"6\"}}"));
      assertThat(result.out())
          .isEqualTo(
              "Changing the broker configuration of lkc-ab12cd: set num.partitions=6,"
                  + " compression.type=zstd; unset log.retention.ms (version 8).\n");
    }

    @Test
    void unsettingTheLastOverrideSendsAnEmptyMap() throws IOException {
      api.json(
              "GET",
              CLUSTER_PATH,
              200,
              json(
                  configured(
                      cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, ""),
                      Map.of("num.partitions", "3"))))
          .empty("PATCH", CLUSTER_PATH, 202);

      Result result = stratus("cluster", "config", ID, "--unset", "num.partitions");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(sent(api.requests("PATCH", CLUSTER_PATH).get(0))).isEqualTo("{\"config\":{}}");
    }

    @Test
    void nothingToChangeWritesNothing() {
      api.json(
          "GET",
          CLUSTER_PATH,
          200,
          json(
              configured(
                  cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, ""), Map.of("num.partitions", "3"))));

      Result result =
          stratus(
              "cluster", "config", ID, "--set", "num.partitions=3", "--unset", "log.retention.ms");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(api.requests("PATCH", CLUSTER_PATH)).isEmpty();
      assertThat(result.out())
          .isEqualTo("The broker configuration of lkc-ab12cd is as asked already.\n");
    }

    @Test
    void waitFollowsTheChangeUntilReady() {
      api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")))
          .json(
              "GET",
              CLUSTER_PATH,
              200,
              json(
                  operating(
                      cluster(ID, ClusterPhase.UPDATING, 3, 3, 8, 8, ""),
                      new LifecycleOperation(
                          OperationKind.RECONFIGURE, 0, 3, Optional.of(0), 0, Optional.empty()),
                      "4.4-IV0")))
          .json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 8, "")))
          .json("PATCH", CLUSTER_PATH, 202, json(cluster(ID, ClusterPhase.READY, 3, 3, 8, 7, "")));

      Result result =
          stratus("cluster", "config", ID, "--set", "log.segment.bytes=1048576", "--wait");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err())
          .contains(
              "lkc-ab12cd UPDATING 3/3 brokers running — rolling restart for broker"
                  + " configuration: 0 of 3 brokers, broker 0 now (0%)");
      assertThat(result.out()).contains("Phase:          READY");
    }

    @Test
    void aSetWithoutKeyAndValueIsAUsageErrorNamingTheOption() {
      for (String bad : List.of("num.partitions", "=6")) {
        Result result = stratus("cluster", "config", ID, "--set", bad);

        assertThat(result.exitCode()).as(bad).isEqualTo(2);
        assertThat(result.err())
            .as(bad)
            .contains("--set takes KEY=VALUE, such as --set log.retention.ms=3600000; got '" + bad);
      }
      assertThat(api.requests()).isEmpty();
    }

    @Test
    void aSetWithoutValuePointsToUnset() {
      Result result = stratus("cluster", "config", ID, "--set", "num.partitions=");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("use --unset num.partitions");
    }

    @Test
    void somethingMustBeAskedAndEachSettingNamedOnce() {
      Result none = stratus("cluster", "config", ID);
      Result both =
          stratus(
              "cluster", "config", ID, "--set", "num.partitions=6", "--unset", "num.partitions");

      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err()).contains("give at least one --set KEY=VALUE or --unset KEY");
      assertThat(both.exitCode()).isEqualTo(2);
      assertThat(both.err()).contains("--set and --unset both name 'num.partitions'");
      assertThat(api.requests()).isEmpty();
    }
  }
}
