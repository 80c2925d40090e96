package io.stratus.cli.cluster;

import static io.stratus.cli.output.BalanceFixtures.AT;
import static io.stratus.cli.output.BalanceFixtures.plan;
import static io.stratus.cli.output.BalanceFixtures.progress;
import static io.stratus.cli.output.BalanceFixtures.status;
import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static io.stratus.cli.testing.ClusterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingSpec;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.PlanSummary;
import io.stratus.api.StratusJson;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import io.stratus.cli.testing.ManualClock;
import io.stratus.cli.testing.StubApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterBalanceCommandTest {

  private static final String ID = "lkc-ab12cd";
  private static final String CLUSTER_PATH = "/v1/clusters/" + ID;
  private static final String BALANCE_PATH = CLUSTER_PATH + "/balance";

  private final ManualClock clock = new ManualClock(AT);
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

  private static String receipt(String requestId, BalanceAction action) {
    return json(new BalanceRequestReceipt(ID, requestId, action, AT));
  }

  private static BalanceStatus handled(
      BalanceState state, String requestId, Optional<PlanSummary> plan) {
    return status(
        state,
        state.name().toLowerCase(Locale.ROOT),
        plan,
        Optional.empty(),
        Optional.of(requestId));
  }

  @Test
  void withoutOptionsTheStatusIsShown() {
    api.json("GET", BALANCE_PATH, 200, json(status(BalanceState.BALANCED, "every goal holds")));

    Result result = stratus("cluster", "balance", ID);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("State:     BALANCED")
        .contains("Message:   every goal holds")
        .contains("2       DRAINING  2         0        512.0 MiB")
        .contains("  ✗ ReplicaDistribution");
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void jsonPrintsTheApisAnswer() throws IOException {
    String body = json(status(BalanceState.BALANCED, ""));
    api.json("GET", BALANCE_PATH, 200, body);

    Result result = stratus("cluster", "balance", ID, "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(result.out()))
        .isEqualTo(StratusJson.mapper().readTree(body));
  }

  @Test
  void aDryRunWaitsForThePlanOfItsRequestAndListsTheMoves() throws IOException {
    api.json("POST", BALANCE_PATH, 202, receipt("br-2", BalanceAction.PLAN))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(handled(BalanceState.BALANCED, "br-1", Optional.empty())))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(handled(BalanceState.PLANNING, "br-2", Optional.empty())))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(handled(BalanceState.UNBALANCED, "br-2", Optional.of(plan(true, 3)))));

    Result result = stratus("cluster", "balance", ID, "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(api.requests("POST", BALANCE_PATH).get(0).body()))
        .isEqualTo(StratusJson.mapper().readTree("{\"action\":\"plan\"}"));
    assertThat(api.requests("GET", BALANCE_PATH))
        .as("neither another request's answer nor PLANNING ends the wait")
        .hasSize(3);
    assertThat(result.out())
        .startsWith("Plan: plan-7 (dry run), trigger: broker 2 draining")
        .contains("orders  2          0,2   1,0");
    assertThat(result.err()).contains("PLANNING — planning");
  }

  @Test
  void aDryRunTimesOutAfterAMinuteWithWhatItLastSaw() {
    api.json("POST", BALANCE_PATH, 202, receipt("br-2", BalanceAction.PLAN))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(status(BalanceState.COLLECTING, "3 of 10 load samples")));

    Result result = stratus("cluster", "balance", ID, "--dry-run");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "Error: timed out after 1m00s waiting for the balancer of lkc-ab12cd to plan (request"
                + " br-2); last seen: COLLECTING — 3 of 10 load samples");
    assertThat(clock.instant()).isEqualTo(AT.plus(Duration.ofSeconds(60)));
  }

  @Test
  void aDryRunWithoutPlanSaysWhy() {
    api.json("POST", BALANCE_PATH, 202, receipt("br-2", BalanceAction.PLAN))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(
                status(
                    BalanceState.COLLECTING,
                    "3 of 10 load samples",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("br-2"))));

    Result result = stratus("cluster", "balance", ID, "--dry-run", "--timeout", "5s");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: the balancer of lkc-ab12cd made no plan (COLLECTING): 3 of 10 load"
                + " samples\n");
  }

  @Test
  void aRebalancePrintsTheRequestAndReturns() throws IOException {
    api.json("POST", BALANCE_PATH, 202, receipt("br-3", BalanceAction.REBALANCE));

    Result result = stratus("cluster", "balance", ID, "--rebalance");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(api.requests().get(0).body()))
        .isEqualTo(StratusJson.mapper().readTree("{\"action\":\"rebalance\"}"));
    assertThat(result.out())
        .isEqualTo(
            "Asked the balancer of lkc-ab12cd to rebalance (request br-3).\n"
                + "Follow it with: stratus cluster balance lkc-ab12cd --watch\n");
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void aRebalanceWithWaitRedrawsTheProgressUntilBalanced() {
    api.json("POST", BALANCE_PATH, 202, receipt("br-3", BalanceAction.REBALANCE))
        .json("GET", BALANCE_PATH, 200, json(status(BalanceState.UNBALANCED, "uneven load")))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(
                status(
                    BalanceState.MOVING,
                    "moving",
                    Optional.of(plan(false, 12)),
                    Optional.of(progress(50)),
                    Optional.of("br-3"))))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(
                status(
                    BalanceState.BALANCED,
                    "every goal holds",
                    Optional.of(plan(false, 12)),
                    Optional.of(progress(100)),
                    Optional.of("br-3"))));

    Result result = stratus("cluster", "balance", ID, "--rebalance", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err())
        .contains(
            "MOVING [##########----------]  50%  6/12 partitions  1.2 GiB of 2.4 GiB  2 in flight"
                + " (1s)");
    assertThat(result.out())
        .startsWith("Asked the balancer of lkc-ab12cd to rebalance (request br-3).\n")
        .contains("State:     BALANCED")
        .contains("[####################] 100%");
    assertThat(clock.instant()).isEqualTo(AT.plusSeconds(2));
  }

  @Test
  void aRebalanceThatFailsEndsWithItsReason() {
    api.json("POST", BALANCE_PATH, 202, receipt("br-3", BalanceAction.REBALANCE))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(
                status(
                    BalanceState.FAILED,
                    "reassignment of orders-3 timed out",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("br-3"))));

    Result result = stratus("cluster", "balance", ID, "--rebalance", "--wait");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "Error: the rebalance of lkc-ab12cd ended FAILED: reassignment of orders-3 timed out");
    assertThat(result.out()).contains("State:     FAILED");
  }

  @Test
  void stopAsksTheBalancerToStop() throws IOException {
    api.json("POST", BALANCE_PATH, 202, receipt("br-4", BalanceAction.STOP))
        .json(
            "GET",
            BALANCE_PATH,
            200,
            json(handled(BalanceState.STOPPED, "br-4", Optional.empty())));

    Result result = stratus("cluster", "balance", ID, "--stop", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(api.requests().get(0).body()))
        .isEqualTo(StratusJson.mapper().readTree("{\"action\":\"stop\"}"));
    assertThat(result.out()).contains("State:     STOPPED");
  }

  @Test
  void watchShowsEachChangeUntilTheBalancerSettles() {
    String moving =
        json(
            status(
                BalanceState.MOVING,
                "moving",
                Optional.of(plan(false, 12)),
                Optional.of(progress(50)),
                Optional.empty()));
    api.json("GET", BALANCE_PATH, 200, moving)
        .json("GET", BALANCE_PATH, 200, moving)
        .json("GET", BALANCE_PATH, 200, json(status(BalanceState.BALANCED, "every goal holds")));

    Result result = stratus("cluster", "balance", ID, "--watch");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(api.requests("GET", BALANCE_PATH)).hasSize(3);
    assertThat(result.out().lines().filter(line -> line.startsWith("State:")))
        .as("an unchanged status is not shown again")
        .containsExactly("State:     MOVING", "State:     BALANCED");
    assertThat(clock.instant()).isEqualTo(AT.plusSeconds(4));
  }

  @Test
  void modeChangesTheSpecAgainstTheVersionItRead() throws IOException {
    Cluster before = cluster(ID, ClusterPhase.READY, 3, 3, 7, 7, "");
    Cluster after =
        new Cluster(
            ID,
            before.name(),
            before.type(),
            before.spec().withBalancing(new BalancingSpec(BalancingMode.OFF)),
            before.status(),
            8,
            before.createdAt());
    api.json("GET", CLUSTER_PATH, 200, json(before)).json("PATCH", CLUSTER_PATH, 202, json(after));

    Result result = stratus("cluster", "balance", ID, "--mode", "off");

    assertThat(result.exitCode()).as(result.err()).isZero();
    StubApi.Request patch = api.requests("PATCH", CLUSTER_PATH).get(0);
    assertThat(patch.header("If-Match")).isEqualTo("\"7\"");
    assertThat(StratusJson.mapper().readTree(patch.body()))
        .isEqualTo(StratusJson.mapper().readTree("{\"balancing\":{\"mode\":\"off\"}}"));
    assertThat(result.out())
        .isEqualTo("Balancing mode of lkc-ab12cd: any-uneven-load → off (version 8).\n");
  }

  @Test
  void anUnknownModeIsAUsageError() {
    Result result = stratus("cluster", "balance", ID, "--mode", "sometimes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "'sometimes' is not a balancing mode; allowed: off, empty-broker, any-uneven-load");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void actionsExcludeEachOther() {
    Result result = stratus("cluster", "balance", ID, "--rebalance", "--stop");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("mutually exclusive");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void waitNeedsSomethingToWaitFor() {
    Result result = stratus("cluster", "balance", ID, "--wait");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--wait goes with --rebalance or --stop");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void createSendsTheBalancingMode() throws IOException {
    api.json(
        "POST", "/v1/clusters", 202, json(cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 0, "")));

    Result result = stratus("cluster", "create", "orders", "--balancing", "empty-broker");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(StratusJson.mapper().readTree(api.requests().get(0).body()))
        .isEqualTo(
            StratusJson.mapper()
                .readTree(
                    "{\"name\":\"orders\",\"type\":\"dedicated\","
                        + "\"balancing\":{\"mode\":\"empty-broker\"}}"));
    assertThat(result.out()).contains("Balancing:      any-uneven-load");
  }
}
