package io.stratus.controlplane;

import static io.stratus.controlplane.ApiClient.body;
import static io.stratus.controlplane.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredEvent;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import io.stratus.api.Problem;
import io.stratus.api.SealedSecrets;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.InMemoryEventLog;
import io.stratus.controlplane.log.InMemoryStateTopics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API as a client sees it: a control plane on in-memory state topics, called over a real
 * loopback socket.
 */
class ControlPlaneHttpTest {

  private static final Duration EVENTUALLY = Duration.ofSeconds(10);

  private final InMemoryStateTopics topics = new InMemoryStateTopics();
  private final List<ControlPlane> started = new ArrayList<>();
  private ControlPlane controlPlane;
  private ApiClient api;
  private String adminToken;

  static ControlPlaneSettings settings(int port) {
    return new ControlPlaneSettings(
        Map.of("bootstrap.servers", "unused:9092"),
        "127.0.0.1",
        port,
        (short) 1,
        Set.of("4.3.1", "4.4.0"),
        "4.4.0",
        "stratus-control-plane",
        TestData.CLOCK,
        new Random(42));
  }

  private ControlPlane start() {
    ControlPlane plane = ControlPlane.start(settings(0), new InMemoryEventLog(topics));
    started.add(plane);
    return plane;
  }

  @BeforeEach
  void startControlPlane() {
    controlPlane = start();
    adminToken = controlPlane.issueInitialAdminKey().orElseThrow();
    api = new ApiClient(controlPlane.apiUrl(), Optional.of(adminToken));
  }

  @AfterEach
  void stop() {
    started.forEach(ControlPlane::close);
  }

  private Cluster create(String name) {
    return body(
        api.post("/v1/clusters", "{\"name\":\"" + name + "\",\"type\":\"dedicated\"}"),
        202,
        Cluster.class);
  }

  /** Has the agent report the cluster in {@code status}, and waits until the API shows it. */
  private void report(Cluster cluster, ClusterStatus status) {
    topics.publishStatus(new StatusEvent.ClusterReported(cluster.id(), status, TestData.NOW));
    await()
        .atMost(EVENTUALLY)
        .untilAsserted(
            () ->
                assertThat(
                        body(api.get("/v1/clusters/" + cluster.id()), 200, Cluster.class).status())
                    .isEqualTo(status));
  }

  /** Has the agent report the cluster READY at its current version. */
  private void reportReady(Cluster cluster) {
    report(
        cluster,
        TestData.status(ClusterPhase.READY, cluster.resourceVersion(), "3 brokers running"));
  }

  private void registerAgent() {
    topics.publishStatus(TestData.agent("agent-1", TestData.NOW));
  }

  @Test
  void healthIsOkWithoutAKey() {
    HttpResponse<String> response = api.withoutToken().get("/healthz");

    assertThat(body(response, 200, Map.class)).isEqualTo(Map.of("status", "ok"));
    assertThat(controlPlane.healthy()).isTrue();
    assertThat(controlPlane.apiUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void callsWithoutAValidKeyAreUnauthorized() {
    for (ApiClient client :
        List.of(
            api.withoutToken(),
            api.withToken("not-a-key"),
            api.withToken("ABCDEFGHIJKLMNOP." + "a".repeat(40)))) {
      HttpResponse<String> response = client.get("/v1/clusters");

      Problem problem = problem(response, 401);
      assertThat(problem.type()).isEqualTo("https://stratus.dev/problems/unauthorized");
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }
  }

  @Test
  void theInitialAdminKeyIsIssuedOnceAndSurvivesARestart() {
    assertThat(controlPlane.issueInitialAdminKey()).isEmpty();
    controlPlane.close();

    ControlPlane restarted = start();

    assertThat(restarted.issueInitialAdminKey()).isEmpty();
    ApiClient again = new ApiClient(restarted.apiUrl(), Optional.empty());
    assertThat(again.withToken(adminToken).get("/v1/clusters").statusCode()).isEqualTo(200);
    assertThat(topics.desiredRecords()).hasSize(1);
    assertThat(topics.desiredRecords().get(0).key()).startsWith("platform-key/");
  }

  @Test
  void malformedJsonIsAProblemOfTheBody() {
    Problem problem = problem(api.post("/v1/clusters", "{\"name\":"), 400);

    assertThat(problem.type()).isEqualTo("https://stratus.dev/problems/validation");
    assertThat(problem.field()).isEqualTo("body");
    assertThat(problem.detail()).contains("not valid JSON");
  }

  @Test
  void unknownFieldsAreNamed() {
    Problem problem =
        problem(
            api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\",\"size\":3}"),
            400);

    assertThat(problem.field()).isEqualTo("size");
    assertThat(problem.detail()).contains("unknown field").contains("allowed: name, type");
  }

  @Test
  void badNamesAreRefused() {
    Problem problem =
        problem(api.post("/v1/clusters", "{\"name\":\"Orders_1\",\"type\":\"dedicated\"}"), 400);

    assertThat(problem.field()).isEqualTo("name");
    assertThat(problem.detail()).contains("not a DNS label");
  }

  @Test
  void zeroBrokersAreRefused() {
    Problem problem =
        problem(
            api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":0}"),
            400);

    assertThat(problem.field()).isEqualTo("brokers");
    assertThat(problem.detail()).contains("from 1 to 32");
  }

  @Test
  void brokersOfTheWrongTypeAreRefused() {
    Problem problem =
        problem(
            api.post(
                "/v1/clusters",
                "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":\"three\"}"),
            400);

    assertThat(problem.field()).isEqualTo("brokers");
  }

  @Test
  void unknownTypesAreRefused() {
    Problem problem =
        problem(api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"shared\"}"), 400);

    assertThat(problem.field()).isEqualTo("type");
    assertThat(problem.detail()).contains("allowed: dedicated");
  }

  @Test
  void platformSettingsCannotBeSet() {
    Problem problem =
        problem(
            api.post(
                "/v1/clusters",
                "{\"name\":\"orders\",\"type\":\"dedicated\",\"config\":{\"listeners\":\"PLAINTEXT://:9092\"}}"),
            400);

    assertThat(problem.field()).isEqualTo("config.listeners");
  }

  @Test
  void aTakenNameIsAConflict() {
    Cluster orders = create("orders");

    Problem problem =
        problem(api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\"}"), 409);

    assertThat(problem.field()).isEqualTo("name");
    assertThat(problem.detail()).contains(orders.id());
  }

  @Test
  void unknownClustersAndRoutesAreNotFound() {
    assertThat(problem(api.get("/v1/clusters/lkc-nope00"), 404).detail()).contains("lkc-nope00");
    assertThat(problem(api.patch("/v1/clusters/lkc-nope00", "{\"brokers\":4}"), 404).detail())
        .contains("lkc-nope00");
    assertThat(problem(api.delete("/v1/clusters/lkc-nope00"), 404).detail()).contains("lkc-nope00");
    assertThat(problem(api.post("/v1/clusters/lkc-nope00/restart", ""), 404).type())
        .isEqualTo("https://stratus.dev/problems/not-found");
    problem(api.get("/v2/clusters"), 404);
  }

  @Test
  void wrongMethodsAreNotAllowed() {
    HttpResponse<String> response = api.send("PUT", "/v1/clusters", "{}");

    problem(response, 405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
    problem(api.get("/v1/clusters/lkc-nope00/api-keys"), 405);
    problem(api.withoutToken().send("POST", "/healthz", "{}"), 405);
  }

  @Test
  void aPatchAgainstAStaleVersionIsAConflict() {
    Cluster orders = create("orders");
    reportReady(orders);
    Cluster grown =
        body(api.patch("/v1/clusters/" + orders.id(), "{\"brokers\":4}"), 202, Cluster.class);
    reportReady(grown);

    Problem problem =
        problem(
            api.patch("/v1/clusters/" + orders.id(), "{\"brokers\":5}", "If-Match", "\"1\""), 409);

    assertThat(problem.type()).isEqualTo("https://stratus.dev/problems/conflict");
    assertThat(problem.detail())
        .isEqualTo(
            "cluster "
                + orders.id()
                + " is at version 2, the request was made against version 1; read it again and"
                + " retry");
    Cluster current =
        body(
            api.patch("/v1/clusters/" + orders.id(), "{\"brokers\":5}", "If-Match", "2"),
            202,
            Cluster.class);
    assertThat(current.resourceVersion()).isEqualTo(3);
  }

  @Test
  void aMalformedIfMatchIsRefused() {
    Cluster orders = create("orders");

    Problem problem =
        problem(
            api.patch("/v1/clusters/" + orders.id(), "{\"brokers\":5}", "If-Match", "latest"), 400);

    assertThat(problem.field()).isEqualTo("If-Match");
  }

  @Test
  void aClusterGoesThroughItsWholeLife() {
    HttpResponse<String> created =
        api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\",\"brokers\":3}");
    Cluster cluster = body(created, 202, Cluster.class);
    String path = "/v1/clusters/" + cluster.id();
    assertThat(cluster.status().phase()).isEqualTo(ClusterPhase.PROVISIONING);
    assertThat(cluster.status().message())
        .isEqualTo("waiting for a data plane agent to pick up the cluster");
    assertThat(created.headers().firstValue("Location")).contains(path);
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");

    assertThat(body(api.get(path), 200, Cluster.class)).isEqualTo(cluster);
    assertThat(body(api.get("/v1/clusters"), 200, ClusterList.class).items())
        .containsExactly(cluster);

    topics.publishStatus(
        new StatusEvent.ClusterReported(
            cluster.id(),
            TestData.status(ClusterPhase.READY, 1, "3 brokers running"),
            TestData.NOW));
    await()
        .atMost(EVENTUALLY)
        .untilAsserted(
            () ->
                assertThat(body(api.get(path), 200, Cluster.class).status().phase())
                    .isEqualTo(ClusterPhase.READY));

    Cluster grown =
        body(api.patch(path, "{\"brokers\":5,\"resourceVersion\":1}"), 202, Cluster.class);
    assertThat(grown.spec().brokers()).isEqualTo(5);
    assertThat(grown.resourceVersion()).isEqualTo(2);
    assertThat(body(api.get(path), 200, Cluster.class))
        .as("a read right after an accepted write sees it")
        .isEqualTo(grown);

    Cluster deleting = body(api.delete(path), 202, Cluster.class);
    assertThat(deleting.status().phase()).isEqualTo(ClusterPhase.DELETING);
    assertThat(body(api.get(path), 200, Cluster.class).status().phase())
        .isEqualTo(ClusterPhase.DELETING);
    assertThat(problem(api.patch(path, "{\"brokers\":6}"), 409).detail()).contains("being deleted");

    topics.publishStatusTombstone(StatusEvent.clusterKey(cluster.id()));
    await().atMost(EVENTUALLY).untilAsserted(() -> problem(api.get(path), 404));
    assertThat(body(api.get("/v1/clusters"), 200, ClusterList.class).items()).isEmpty();
    assertThat(topics.desiredRecords())
        .last()
        .isEqualTo(new DesiredRecord.Tombstone(DesiredEvent.clusterKey(cluster.id())));
  }

  @Test
  void apiKeysNeedARegisteredAgent() {
    Cluster orders = create("orders");

    Problem problem = problem(api.post("/v1/clusters/" + orders.id() + "/api-keys", ""), 503);

    assertThat(problem.detail())
        .isEqualTo("no data plane agent has registered yet; try again shortly");
  }

  @Test
  void anApiKeySecretIsShownOnceAndTravelsSealedToTheAgent() throws Exception {
    Cluster orders = create("orders");
    registerAgent();

    HttpResponse<String> response =
        await()
            .atMost(EVENTUALLY)
            .until(
                () -> api.post("/v1/clusters/" + orders.id() + "/api-keys", ""),
                r -> r.statusCode() != 503);
    ApiKeySecret secret = body(response, 201, ApiKeySecret.class);

    assertThat(secret.key()).matches("[A-Z0-9]{16}");
    assertThat(secret.secret()).matches("[A-Za-z0-9]{64}");
    for (DesiredRecord record : topics.desiredRecords()) {
      if (record instanceof DesiredRecord.Put put) {
        assertThat(StratusJson.mapper().writeValueAsString(put.event()))
            .as("the desired-state topic must never hold the secret")
            .doesNotContain(secret.secret());
      }
    }
    DesiredEvent.TenantKeyIssued issued =
        (DesiredEvent.TenantKeyIssued)
            ((DesiredRecord.Put) topics.desiredRecords().get(topics.desiredRecords().size() - 1))
                .event();
    assertThat(issued.key()).isEqualTo(secret.key());
    assertThat(issued.clusterId()).isEqualTo(orders.id());
    assertThat(SealedSecrets.open(TestData.agentKeys().getPrivate(), issued.sealedSecret()))
        .isEqualTo(secret.secret());
  }

  @Test
  void aFencedInstanceAnswers503AndWritesNoMore() {
    ControlPlane successor = start();
    int recordsBefore = topics.desiredRecords().size();

    Problem problem =
        problem(api.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\"}"), 503);

    assertThat(problem.detail()).contains("another control plane instance");
    assertThat(controlPlane.healthy()).isFalse();
    problem(api.withoutToken().get("/healthz"), 503);
    problem(api.get("/v1/clusters"), 503);
    assertThat(topics.desiredRecords()).hasSize(recordsBefore);
    ApiClient next = new ApiClient(successor.apiUrl(), Optional.of(adminToken));
    body(
        next.post("/v1/clusters", "{\"name\":\"orders\",\"type\":\"dedicated\"}"),
        202,
        Cluster.class);
  }

  @Test
  void oversizedBodiesAreRefused() {
    String huge = "{\"name\":\"" + "a".repeat(70_000) + "\"}";

    problem(api.post("/v1/clusters", huge), 413);
  }

  @Test
  void aClusterWhoseBalancerHasNotReportedIsCollecting() {
    HttpResponse<String> created =
        api.post(
            "/v1/clusters",
            "{\"name\":\"orders\",\"type\":\"dedicated\",\"balancing\":{\"mode\":\"off\"}}");
    Cluster orders = body(created, 202, Cluster.class);

    BalanceStatus status =
        body(api.get("/v1/clusters/" + orders.id() + "/balance"), 200, BalanceStatus.class);

    assertThat(status).isEqualTo(BalanceStatus.notReported(BalancingMode.OFF, orders.createdAt()));
    assertThat(status.message()).isEqualTo("no balancer report from the data plane yet");
  }

  @Test
  void theLatestBalancerReportIsAnswered() {
    Cluster orders = create("orders");
    String path = "/v1/clusters/" + orders.id() + "/balance";
    BalanceStatus moving =
        TestData.balance(BalanceState.MOVING, "moving 2 of 4 partitions", "br-1");

    topics.publishStatus(new StatusEvent.BalanceReported(orders.id(), moving, TestData.NOW));

    await()
        .atMost(EVENTUALLY)
        .untilAsserted(
            () -> assertThat(body(api.get(path), 200, BalanceStatus.class)).isEqualTo(moving));
    assertThat(api.get(path).body()).contains("\"state\":\"MOVING\"").contains("\"brokers\":[{");
  }

  @Test
  void aBalanceRequestIsCommittedForTheAgent() {
    Cluster orders = create("orders");
    String path = "/v1/clusters/" + orders.id() + "/balance";

    HttpResponse<String> response = api.post(path, "{\"action\":\"rebalance\"}");

    BalanceRequestReceipt receipt = body(response, 202, BalanceRequestReceipt.class);
    assertThat(receipt.clusterId()).isEqualTo(orders.id());
    assertThat(receipt.action()).isEqualTo(BalanceAction.REBALANCE);
    assertThat(receipt.requestId()).matches("br-[a-z0-9]{12}");
    assertThat(response.body()).contains("\"action\":\"rebalance\"");
    assertThat(response.headers().firstValue("Location")).contains(path);
    assertThat(topics.desiredRecords())
        .last()
        .isEqualTo(
            new DesiredRecord.Put(
                new DesiredEvent.BalanceRequested(
                    orders.id(), receipt.requestId(), BalanceAction.REBALANCE, TestData.NOW)));
    assertThat(topics.desiredRecords().get(topics.desiredRecords().size() - 1).key())
        .isEqualTo("balance-request/" + orders.id());
  }

  @Test
  void aBadOrMissingActionIsNamedWithTheAllowedOnes() {
    String path = "/v1/clusters/" + create("orders").id() + "/balance";
    int recordsBefore = topics.desiredRecords().size();

    for (String body : List.of("{\"action\":\"explode\"}", "{}", "")) {
      Problem problem = problem(api.post(path, body), 400);

      assertThat(problem.field()).as(body).isEqualTo("action");
      assertThat(problem.detail()).as(body).contains("allowed: plan, rebalance, stop");
    }
    assertThat(topics.desiredRecords()).hasSize(recordsBefore);
  }

  @Test
  void balanceOfAnUnknownClusterIsNotFound() {
    assertThat(problem(api.get("/v1/clusters/lkc-nope00/balance"), 404).detail())
        .contains("lkc-nope00");
    assertThat(
            problem(api.post("/v1/clusters/lkc-nope00/balance", "{\"action\":\"plan\"}"), 404)
                .detail())
        .contains("lkc-nope00");
  }

  @Test
  void balanceAnswersGetAndPostWithAKeyOnly() {
    String path = "/v1/clusters/" + create("orders").id() + "/balance";

    HttpResponse<String> put = api.send("PUT", path, "{}");

    problem(put, 405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
    problem(api.withoutToken().get(path), 401);
    problem(api.withoutToken().post(path, "{\"action\":\"plan\"}"), 401);
  }

  @Test
  void aClusterBeingDeletedRefusesBalanceRequestsAndLosesThemWhenGone() {
    Cluster orders = create("orders");
    String path = "/v1/clusters/" + orders.id() + "/balance";
    body(api.post(path, "{\"action\":\"plan\"}"), 202, BalanceRequestReceipt.class);
    topics.publishStatus(
        new StatusEvent.BalanceReported(
            orders.id(), TestData.balance(BalanceState.BALANCED, "", null), TestData.NOW));
    body(api.delete("/v1/clusters/" + orders.id()), 202, Cluster.class);

    Problem problem = problem(api.post(path, "{\"action\":\"stop\"}"), 409);

    assertThat(problem.detail()).contains("being deleted");
    topics.publishStatusTombstone(StatusEvent.clusterKey(orders.id()));
    await().atMost(EVENTUALLY).untilAsserted(() -> problem(api.get(path), 404));
    assertThat(topics.desiredRecords())
        .contains(new DesiredRecord.Tombstone(DesiredEvent.balanceRequestKey(orders.id())));
  }

  @Test
  void theBalancingModeIsSetOnCreateAndChangedByPatch() {
    Cluster orders =
        body(
            api.post(
                "/v1/clusters",
                "{\"name\":\"orders\",\"type\":\"dedicated\",\"balancing\":{\"mode\":\"off\"}}"),
            202,
            Cluster.class);
    Cluster payments = create("payments");
    String path = "/v1/clusters/" + orders.id();

    Cluster patched =
        body(api.patch(path, "{\"balancing\":{\"mode\":\"empty-broker\"}}"), 202, Cluster.class);
    Problem problem = problem(api.patch(path, "{\"balancing\":{\"mode\":\"sometimes\"}}"), 400);

    assertThat(orders.spec().balancing().mode()).isEqualTo(BalancingMode.OFF);
    assertThat(payments.spec().balancing().mode()).isEqualTo(BalancingMode.ANY_UNEVEN_LOAD);
    assertThat(patched.spec().balancing().mode()).isEqualTo(BalancingMode.EMPTY_BROKER);
    assertThat(patched.resourceVersion()).isEqualTo(2);
    assertThat(api.get(path).body()).contains("\"balancing\":{\"mode\":\"empty-broker\"}");
    assertThat(problem.field()).isEqualTo("balancing.mode");
    assertThat(problem.detail()).contains("allowed: off, empty-broker, any-uneven-load");
  }

  @Test
  void aRestartAsksForARollAtTheNextVersion() {
    Cluster orders = create("orders");
    reportReady(orders);

    HttpResponse<String> response = api.post("/v1/clusters/" + orders.id() + "/restart", "");

    Cluster restarting = body(response, 202, Cluster.class);
    assertThat(restarting.spec().restartRequestedAt()).contains(TestData.NOW);
    assertThat(restarting.spec().withRestartRequestedAt(TestData.NOW)).isEqualTo(restarting.spec());
    assertThat(restarting.resourceVersion()).isEqualTo(2);
    assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(api.get("/v1/clusters/" + orders.id()).body())
        .contains("\"restartRequestedAt\":\"2026-01-01T00:00:00Z\"");
    assertThat(topics.desiredRecords())
        .last()
        .isEqualTo(
            new DesiredRecord.Put(
                new DesiredEvent.ClusterChanged(
                    new io.stratus.api.DesiredCluster(
                        orders.id(),
                        orders.spec().withRestartRequestedAt(TestData.NOW),
                        2,
                        false,
                        orders.createdAt()))));
  }

  @Test
  void aRestartMayNameTheVersionItWasAskedAgainst() {
    Cluster orders = create("orders");
    reportReady(orders);
    String path = "/v1/clusters/" + orders.id() + "/restart";

    Problem stale = problem(api.post(path, "{\"resourceVersion\":7}"), 409);
    Problem staleHeader = problem(api.send("POST", path, "", "If-Match", "\"7\""), 409);
    Problem unknownField = problem(api.post(path, "{\"force\":true}"), 400);

    assertThat(stale.field()).isEqualTo("resourceVersion");
    assertThat(staleHeader.field()).isEqualTo("If-Match");
    assertThat(unknownField.field()).isEqualTo("force");
    body(api.post(path, "{\"resourceVersion\":1}"), 202, Cluster.class);
  }

  @Test
  void aRestartOfAClusterBeingDeletedIsAConflict() {
    Cluster orders = create("orders");
    reportReady(orders);
    body(api.delete("/v1/clusters/" + orders.id()), 202, Cluster.class);

    Problem problem = problem(api.post("/v1/clusters/" + orders.id() + "/restart", ""), 409);

    assertThat(problem.type()).isEqualTo("https://stratus.dev/problems/conflict");
    assertThat(problem.detail()).contains("being deleted");
  }

  @Test
  void restartIsPostOnly() {
    HttpResponse<String> response = api.get("/v1/clusters/lkc-nope00/restart");

    problem(response, 405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void aLifecycleChangeWhileAnotherRunsIsBusy() {
    Cluster orders = create("orders");
    String path = "/v1/clusters/" + orders.id();

    Problem beforeAnyReport = problem(api.post(path + "/restart", ""), 409);
    report(
        orders,
        new ClusterStatus(
            ClusterPhase.UPDATING,
            Optional.of("127.0.0.1:19092"),
            Optional.of("4.4.0"),
            List.of(),
            "restarting broker 1",
            1,
            Optional.empty(),
            Optional.of(
                new LifecycleOperation(
                    OperationKind.RESTART, 1, 3, Optional.of(1), 33, Optional.empty())),
            Optional.of("4.4-IV0")));
    List<Problem> whileRestarting =
        List.of(
            problem(api.post(path + "/restart", ""), 409),
            problem(api.patch(path, "{\"brokers\":4}"), 409),
            problem(api.patch(path, "{\"config\":{\"num.partitions\":\"6\"}}"), 409));
    Cluster balancingOff =
        body(api.patch(path, "{\"balancing\":{\"mode\":\"off\"}}"), 202, Cluster.class);

    assertThat(beforeAnyReport.type()).isEqualTo("https://stratus.dev/problems/cluster-busy");
    assertThat(beforeAnyReport.detail()).contains("no data plane agent has reported on it yet");
    assertThat(whileRestarting)
        .allSatisfy(
            problem -> {
              assertThat(problem.type()).isEqualTo("https://stratus.dev/problems/cluster-busy");
              assertThat(problem.detail())
                  .isEqualTo(
                      "cluster "
                          + orders.id()
                          + " is busy: rolling restart, 1 of 3 brokers restarted, broker 1 now;"
                          + " one lifecycle operation at a time — retry once it is READY");
            });
    assertThat(balancingOff.spec().balancing().mode()).isEqualTo(BalancingMode.OFF);
    assertThat(balancingOff.resourceVersion()).isEqualTo(2);
  }

  @Test
  void theOperationAndMetadataVersionAreShown() {
    Cluster orders = create("orders");
    report(
        orders,
        new ClusterStatus(
            ClusterPhase.UPDATING,
            Optional.of("127.0.0.1:19092"),
            Optional.of("4.4.0"),
            List.of(),
            "upgrading broker 0",
            1,
            Optional.empty(),
            Optional.of(
                new LifecycleOperation(
                    OperationKind.UPGRADE,
                    0,
                    3,
                    Optional.of(0),
                    0,
                    Optional.of("broker 0 to rejoin the ISR"))),
            Optional.of("4.3-IV3")));

    String shown = api.get("/v1/clusters/" + orders.id()).body();

    assertThat(shown)
        .contains(
            "\"operation\":{\"kind\":\"upgrade\",\"nodesDone\":0,\"nodesTotal\":3,\"node\":0,"
                + "\"percent\":0,\"waitingFor\":\"broker 0 to rejoin the ISR\"}")
        .contains("\"metadataVersion\":\"4.3-IV3\"")
        .contains("\"restartRequestedAt\":null");
    body(api.delete("/v1/clusters/" + orders.id()), 202, Cluster.class);
    assertThat(body(api.get("/v1/clusters/" + orders.id()), 200, Cluster.class).status())
        .as("deletion keeps what the agent reported")
        .satisfies(
            status -> {
              assertThat(status.phase()).isEqualTo(ClusterPhase.DELETING);
              assertThat(status.metadataVersion()).contains("4.3-IV3");
              assertThat(status.operation()).isPresent();
            });
  }

  @Test
  void configIsChangedAsAWholeAndFollowsTheAllowlist() {
    Cluster orders =
        body(
            api.post(
                "/v1/clusters",
                "{\"name\":\"orders\",\"type\":\"dedicated\","
                    + "\"config\":{\"num.partitions\":\"3\",\"log.retention.ms\":\"1000\"}}"),
            202,
            Cluster.class);
    reportReady(orders);
    String path = "/v1/clusters/" + orders.id();

    Problem bad = problem(api.patch(path, "{\"config\":{\"listeners\":\"PLAINTEXT://:9\"}}"), 400);
    Cluster replaced =
        body(api.patch(path, "{\"config\":{\"num.partitions\":6}}"), 202, Cluster.class);

    assertThat(bad.field()).isEqualTo("config.listeners");
    assertThat(replaced.spec().config()).isEqualTo(Map.of("num.partitions", "6"));
    assertThat(replaced.resourceVersion()).isEqualTo(2);
  }

  @Test
  void kafkaVersionMayGoUpButNeverDown() {
    Cluster old =
        body(
            api.post(
                "/v1/clusters",
                "{\"name\":\"orders\",\"type\":\"dedicated\",\"kafkaVersion\":\"4.3.1\"}"),
            202,
            Cluster.class);
    reportReady(old);
    String path = "/v1/clusters/" + old.id();

    Cluster upgraded = body(api.patch(path, "{\"kafkaVersion\":\"4.4.0\"}"), 202, Cluster.class);
    Problem downgrade = problem(api.patch(path, "{\"kafkaVersion\":\"4.3.1\"}"), 400);
    Problem unsupported = problem(api.patch(path, "{\"kafkaVersion\":\"3.9.0\"}"), 400);

    assertThat(upgraded.spec().kafkaVersion()).isEqualTo("4.4.0");
    assertThat(downgrade.field()).isEqualTo("kafkaVersion");
    assertThat(downgrade.detail())
        .startsWith("kafkaVersion 4.3.1 is older than the cluster's 4.4.0")
        .contains("never downgraded");
    assertThat(unsupported.field()).isEqualTo("kafkaVersion");
    assertThat(unsupported.detail()).contains("is not supported; allowed: 4.3.1, 4.4.0");
  }
}
