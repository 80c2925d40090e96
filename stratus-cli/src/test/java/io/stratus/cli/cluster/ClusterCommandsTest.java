package io.stratus.cli.cluster;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static io.stratus.cli.testing.ClusterFixtures.json;
import static io.stratus.cli.testing.ClusterFixtures.list;
import static io.stratus.cli.testing.ClusterFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.ClusterPhase;
import io.stratus.api.StratusJson;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.connection.Credentials;
import io.stratus.cli.connection.CredentialsFile;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import io.stratus.cli.testing.ManualClock;
import io.stratus.cli.testing.StubApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandsTest {

  private static final String ID = "lkc-ab12cd";
  private static final String CLUSTER_PATH = "/v1/clusters/" + ID;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dataDir;

  private final ManualClock clock = new ManualClock(START);
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

  @Test
  void listPrintsATableAndSendsTheKey() {
    api.json("GET", "/v1/clusters", 200, list(ready(ID)));

    Result result = stratus("cluster", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "ID          NAME    TYPE       BROKERS  PHASE  BOOTSTRAP",
            "lkc-ab12cd  orders  dedicated  3        READY  127.0.0.1:19092");
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer admin-key");
  }

  @Test
  void listAsJsonPrintsTheApisJsonUnknownFieldsIncluded() throws IOException {
    String body = "{\"items\":[],\"nextPage\":\"later\"}";
    api.json("GET", "/v1/clusters", 200, body);

    Result result = stratus("cluster", "list", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(result.out()))
        .isEqualTo(StratusJson.mapper().readTree(body));
    assertThat(result.out()).as("pretty-printed").contains("\n  \"items\"");
  }

  @Test
  void describePrintsFieldsBrokersAndMessage() {
    api.json(
        "GET",
        CLUSTER_PATH,
        200,
        json(cluster(ID, ClusterPhase.PROVISIONING, 3, 1, 1, 1, "starting broker 1")));

    Result result = stratus("cluster", "describe", ID);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Phase:          PROVISIONING")
        .contains("Message:        starting broker 1")
        .contains("1       127.0.0.1  19093  STARTING  4.4.0");
  }

  @Test
  void describeAsJsonPrintsTheCluster() throws IOException {
    String body = json(ready(ID));
    api.json("GET", CLUSTER_PATH, 200, body);

    Result result = stratus("cluster", "describe", ID, "-o", "json");

    assertThat(StratusJson.mapper().readTree(result.out()))
        .isEqualTo(StratusJson.mapper().readTree(body));
  }

  @Test
  void aProblemAnswerIsReportedWithItsDetailAndExitCodeOne() {
    api.problem("GET", CLUSTER_PATH, 404, "no cluster lkc-ab12cd");

    Result result = stratus("cluster", "describe", ID);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Error: no cluster lkc-ab12cd (HTTP 404)\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnreachableApiIsNamedWithAHint() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Result result =
        CliRun.run(
            environment,
            "cluster",
            "list",
            "--api-url",
            "http://127.0.0.1:" + closedPort,
            "--api-key",
            "k");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: cannot reach the Stratus API at http://127.0.0.1:"
                + closedPort
                + ": is `./stratus up` running?\n");
  }

  @Test
  void missingCredentialsAreAUsageError() {
    Result result = CliRun.run(environment, "cluster", "list", "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("./stratus up").contains("--api-url and --api-key");
  }

  @Test
  void theDataDirectorysCredentialsAreUsedByDefault() throws IOException {
    CredentialsFile.write(dataDir, new Credentials(api.url(), "file-key"));
    api.json("GET", "/v1/clusters", 200, list());

    Result result = CliRun.run(environment, "cluster", "list", "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer file-key");
  }

  @Test
  void environmentVariablesWinOverTheCredentialsFile() throws IOException {
    CredentialsFile.write(dataDir, new Credentials("http://127.0.0.1:1", "file-key"));
    api.json("GET", "/v1/clusters", 200, list());
    CliEnvironment withVariables =
        CliRun.environment(
            Map.of("STRATUS_API_URL", api.url(), "STRATUS_API_KEY", "env-key"), clock);

    Result result = CliRun.run(withVariables, "cluster", "list", "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer env-key");
  }

  @Test
  void createSendsOnlyWhatWasGiven() throws IOException {
    api.json(
        "POST",
        "/v1/clusters",
        202,
        json(cluster(ID, ClusterPhase.PROVISIONING, 5, 0, 1, 0, "waiting for an agent")));

    Result result =
        stratus("cluster", "create", "orders", "--brokers", "5", "--config", "retention.ms=1000");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode sent = StratusJson.mapper().readTree(api.requests().get(0).body());
    assertThat(sent)
        .isEqualTo(
            StratusJson.mapper()
                .readTree(
                    "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":5,"
                        + "\"config\":{\"retention.ms\":\"1000\"}}"));
    assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("application/json");
    assertThat(result.out()).contains("ID:             lkc-ab12cd").contains("PROVISIONING");
  }

  @Test
  void createWaitsUntilReadyAtTheVersionItWrote() {
    api.json(
            "POST",
            "/v1/clusters",
            202,
            json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")))
        .json(
            "GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")))
        .json(
            "GET",
            CLUSTER_PATH,
            200,
            json(cluster(ID, ClusterPhase.PROVISIONING, 3, 2, 1, 1, "starting broker 2")))
        .json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 1, 1, "")));

    Result result = stratus("cluster", "create", "orders", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests("GET", CLUSTER_PATH)).hasSize(3);
    assertThat(clock.instant()).as("slept by the injected clock").isEqualTo(START.plusSeconds(2));
    assertThat(result.err())
        .contains("lkc-ab12cd PROVISIONING 2/3 brokers running — starting broker 2 (1s)");
    assertThat(result.out()).contains("Phase:          READY");
  }

  @Test
  void createWaitFailsWithTheMessageWhenTheClusterFails() {
    api.json(
            "POST",
            "/v1/clusters",
            202,
            json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")))
        .json(
            "GET",
            CLUSTER_PATH,
            200,
            json(cluster(ID, ClusterPhase.FAILED, 3, 0, 1, 1, "cannot format storage")));

    Result result = stratus("cluster", "create", "orders", "--wait");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Error: cluster lkc-ab12cd FAILED: cannot format storage");
  }

  @Test
  void createWaitTimesOut() {
    api.json(
            "POST",
            "/v1/clusters",
            202,
            json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")))
        .json(
            "GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")));

    Result result = stratus("cluster", "create", "orders", "--wait", "--timeout", "5s");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("Error: timed out after 5s waiting for lkc-ab12cd to be READY at version 1");
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofSeconds(5)));
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    Result result = stratus("cluster", "create", "orders", "--wait", "--timeout", "soon");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'soon' is not a duration");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void scaleSendsIfMatchWithTheVersionItRead() throws IOException {
    api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")))
        .json("PATCH", CLUSTER_PATH, 202, json(cluster(ID, ClusterPhase.READY, 5, 3, 8, 7, "")));

    Result result = stratus("cluster", "scale", ID, "--brokers", "5");

    assertThat(result.exitCode()).as(result.err()).isZero();
    StubApi.Request patch = api.requests("PATCH", CLUSTER_PATH).get(0);
    assertThat(patch.header("If-Match")).isEqualTo("\"7\"");
    assertThat(StratusJson.mapper().readTree(patch.body()))
        .isEqualTo(StratusJson.mapper().readTree("{\"brokers\":5}"));
    assertThat(result.out()).contains("Scaling lkc-ab12cd from 3 to 5 brokers (version 8)");
  }

  @Test
  void scaleWaitsForTheVersionThePatchProduced() {
    api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "")))
        .json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 5, 3, 8, 7, "")))
        .json(
            "GET",
            CLUSTER_PATH,
            200,
            json(cluster(ID, ClusterPhase.UPDATING, 5, 4, 8, 8, "starting broker 4")))
        .json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 5, 5, 8, 8, "")))
        .empty("PATCH", CLUSTER_PATH, 202);

    Result result = stratus("cluster", "scale", ID, "--brokers", "5", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .as("without an answer body, the next version is the one read plus one")
        .contains("(version 8)")
        .contains("Brokers:        5 wanted, 5 running");
    assertThat(result.err())
        .as("READY at version 7 did not end the wait")
        .contains("lkc-ab12cd READY 3/5 brokers running (0s)");
  }

  @Test
  void aConflictingScaleIsReported() {
    api.json("GET", CLUSTER_PATH, 200, json(ready(ID)))
        .problem("PATCH", CLUSTER_PATH, 409, "lkc-ab12cd is at version 2, not 1");

    Result result = stratus("cluster", "scale", ID, "--brokers", "5");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Error: lkc-ab12cd is at version 2, not 1 (HTTP 409)\n");
  }

  @Test
  void deleteWaitEndsWhenTheApiAnswers404() {
    api.json("GET", CLUSTER_PATH, 200, json(cluster(ID, ClusterPhase.READY, 3, 3, 1, 1, "")))
        .json(
            "GET",
            CLUSTER_PATH,
            200,
            json(cluster(ID, ClusterPhase.DELETING, 3, 2, 2, 2, "stopping broker 2")))
        .problem("GET", CLUSTER_PATH, 404, "no cluster lkc-ab12cd")
        .empty("DELETE", CLUSTER_PATH, 202);

    Result result = stratus("cluster", "delete", ID, "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests("DELETE", CLUSTER_PATH)).hasSize(1);
    assertThat(result.err())
        .contains("lkc-ab12cd DELETING 2/3 brokers running — stopping broker 2");
    assertThat(result.out()).isEqualTo("Deleted lkc-ab12cd.\n");
  }

  @Test
  void deleteWithoutWaitReturnsAtOnce() {
    api.empty("DELETE", CLUSTER_PATH, 202);

    Result result = stratus("cluster", "delete", ID);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests()).hasSize(1);
    assertThat(result.out()).startsWith("Deleting lkc-ab12cd.");
  }
}
