package io.stratus.controlplane.model;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.balance;
import static io.stratus.controlplane.TestData.balanceReport;
import static io.stratus.controlplane.TestData.balanceRequest;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.TestData.removed;
import static io.stratus.controlplane.TestData.report;
import static io.stratus.controlplane.TestData.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.StatusEvent;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelTest {

  private final DesiredCluster orders = cluster("lkc-orders", "orders", 3);

  @Test
  void aClusterNoAgentReportedOnIsPending() {
    ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

    Cluster cluster = model.cluster("lkc-orders").orElseThrow();
    assertThat(cluster.id()).isEqualTo("lkc-orders");
    assertThat(cluster.name()).isEqualTo("orders");
    assertThat(cluster.spec()).isEqualTo(orders.spec());
    assertThat(cluster.resourceVersion()).isEqualTo(1);
    assertThat(cluster.createdAt()).isEqualTo(NOW);
    assertThat(cluster.status())
        .isEqualTo(ClusterStatus.pending("waiting for a data plane agent to pick up the cluster"));
  }

  @Test
  void theLatestReportIsJoinedToTheCluster() {
    ClusterStatus ready = status(ClusterPhase.READY, 1, "3 brokers running");

    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(put(orders)))
            .replayStatus(
                List.of(
                    report("lkc-orders", status(ClusterPhase.PROVISIONING, 1, "starting")),
                    report("lkc-orders", ready)));

    assertThat(model.cluster("lkc-orders").orElseThrow().status()).isEqualTo(ready);
  }

  @Test
  void aReportThatArrivesBeforeTheClusterIsKept() {
    ClusterStatus ready = status(ClusterPhase.READY, 1, "3 brokers running");

    ReadModel model =
        ReadModel.EMPTY
            .replayStatus(List.of(report("lkc-orders", ready)))
            .replayDesired(List.of(put(orders)));

    assertThat(model.cluster("lkc-orders").orElseThrow().status()).isEqualTo(ready);
  }

  @Test
  void laterDesiredStateReplacesEarlier() {
    DesiredCluster grown = orders.withSpec(orders.spec().withBrokers(5));

    ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(orders), put(grown)));

    assertThat(model.cluster("lkc-orders").orElseThrow().spec().brokers()).isEqualTo(5);
    assertThat(model.cluster("lkc-orders").orElseThrow().resourceVersion()).isEqualTo(2);
  }

  @Test
  void deletionOverridesTheReportedPhaseAndAStaleMessage() {
    DesiredCluster deleting = orders.markedForDeletion();

    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(put(orders), put(deleting)))
            .replayStatus(
                List.of(report("lkc-orders", status(ClusterPhase.READY, 1, "3 brokers running"))));

    ClusterStatus shown = model.cluster("lkc-orders").orElseThrow().status();
    assertThat(shown.phase()).isEqualTo(ClusterPhase.DELETING);
    assertThat(shown.message()).contains("deletion requested").doesNotContain("running");
    assertThat(shown.bootstrap()).contains("127.0.0.1:19092");
  }

  @Test
  void onceTheAgentSawTheDeletionItsMessageIsShown() {
    DesiredCluster deleting = orders.markedForDeletion();

    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(put(deleting)))
            .replayStatus(
                List.of(
                    report(
                        "lkc-orders",
                        status(
                            ClusterPhase.UPDATING,
                            deleting.resourceVersion(),
                            "stopping broker 2"))));

    ClusterStatus shown = model.cluster("lkc-orders").orElseThrow().status();
    assertThat(shown.phase()).isEqualTo(ClusterPhase.DELETING);
    assertThat(shown.message()).isEqualTo("stopping broker 2");
  }

  @Test
  void aDeletingClusterWithoutReportIsDeletingToo() {
    ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(orders.markedForDeletion())));

    assertThat(model.cluster("lkc-orders").orElseThrow().status().phase())
        .isEqualTo(ClusterPhase.DELETING);
  }

  @Test
  void aStatusTombstoneIsRememberedAsRemoved() {
    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(put(orders.markedForDeletion())))
            .replayStatus(
                List.of(
                    report("lkc-orders", status(ClusterPhase.READY, 1, "")),
                    removed("lkc-orders")));

    assertThat(model.report("lkc-orders")).contains(new AgentReport.Removed());
    assertThat(model.cluster("lkc-orders").orElseThrow().status().phase())
        .isEqualTo(ClusterPhase.DELETING);
  }

  @Test
  void desiredTombstonesRemoveTheirResource() {
    ReadModel model =
        ReadModel.EMPTY.replayDesired(
            List.of(
                put(orders),
                new DesiredRecord.Put(
                    new DesiredEvent.TenantKeyIssued("KEY1", "lkc-orders", "agent-1", "x", NOW)),
                new DesiredRecord.Put(
                    new DesiredEvent.PlatformKeyIssued("ADMIN", "hash", "admin", NOW))));

    assertThat(model.tenantKeysOf("lkc-orders"))
        .containsExactly(new TenantKey("KEY1", "lkc-orders", "agent-1", NOW));
    assertThat(model.hasPlatformKeys()).isTrue();

    ReadModel after =
        model.replayDesired(
            List.of(
                new DesiredRecord.Tombstone(DesiredEvent.tenantKeyKey("KEY1")),
                new DesiredRecord.Tombstone(DesiredEvent.clusterKey("lkc-orders")),
                new DesiredRecord.Tombstone(DesiredEvent.platformKeyKey("ADMIN"))));

    assertThat(after.cluster("lkc-orders")).isEmpty();
    assertThat(after.clusters()).isEmpty();
    assertThat(after.tenantKey("KEY1")).isEmpty();
    assertThat(after.hasPlatformKeys()).isFalse();
  }

  @Test
  void imagesAreNeverChangedByLaterReplays() {
    ReadModel before = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

    before.replayDesired(
        List.of(new DesiredRecord.Tombstone(DesiredEvent.clusterKey("lkc-orders"))));

    assertThat(before.cluster("lkc-orders")).isPresent();
    assertThat(ReadModel.EMPTY.clusters()).isEmpty();
  }

  @Test
  void clustersAreListedOldestFirst() {
    DesiredCluster older = new DesiredCluster("lkc-zzzzzz", TestData.spec("b", 3), 1, false, NOW);
    DesiredCluster newer =
        new DesiredCluster("lkc-aaaaaa", TestData.spec("a", 3), 1, false, NOW.plusSeconds(1));

    ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(newer), put(older)));

    assertThat(model.clusters())
        .extracting(Cluster::id)
        .containsExactly("lkc-zzzzzz", "lkc-aaaaaa");
  }

  @Test
  void theLatestRegisteredAgentIsKnownAndTombstonesForgetAgents() {
    ReadModel model =
        ReadModel.EMPTY.replayStatus(
            List.of(
                new StatusRecord.Put(TestData.agent("agent-new", NOW.plus(Duration.ofMinutes(1)))),
                new StatusRecord.Put(TestData.agent("agent-old", NOW))));

    assertThat(model.latestAgent()).map(RegisteredAgent::agentId).contains("agent-new");

    ReadModel after =
        model.replayStatus(List.of(new StatusRecord.Tombstone(StatusEvent.agentKey("agent-new"))));

    assertThat(after.latestAgent()).map(RegisteredAgent::agentId).contains("agent-old");
  }

  @Test
  void unknownKeysAreIgnored() {
    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(new DesiredRecord.Tombstone("topic/orders")))
            .replayStatus(List.of(new StatusRecord.Tombstone("usage/lkc-orders")));

    assertThat(model.toString()).isEqualTo(ReadModel.EMPTY.toString());
  }

  @Test
  void aClusterIsFoundByNameWhileItIsBeingDeleted() {
    ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(orders.markedForDeletion())));

    assertThat(model.clusterNamed("orders")).map(DesiredCluster::id).contains("lkc-orders");
    assertThat(model.clusterNamed("payments")).isEmpty();
  }

  @Test
  void theLatestBalanceReportOfADesiredClusterIsKept() {
    BalanceStatus balanced = balance(BalanceState.BALANCED, "every goal holds", null);

    ReadModel model =
        ReadModel.EMPTY
            .replayDesired(List.of(put(orders)))
            .replayStatus(
                List.of(
                    balanceReport("lkc-orders", balance(BalanceState.COLLECTING, "", null)),
                    balanceReport("lkc-orders", balanced)));

    assertThat(model.balance("lkc-orders")).contains(balanced);
    assertThat(model.balance("lkc-paymnt")).isEmpty();
  }

  @Test
  void aBalanceReportAboutAClusterThatIsNotDesiredIsDropped() {
    ReadModel model =
        ReadModel.EMPTY.replayStatus(
            List.of(balanceReport("lkc-gone00", balance(BalanceState.BALANCED, "", null))));

    assertThat(model.balance("lkc-gone00")).isEmpty();
  }

  @Test
  void theBalanceReportGoesWithTheCluster() {
    ReadModel reported =
        ReadModel.EMPTY
            .replayDesired(List.of(put(orders)))
            .replayStatus(
                List.of(balanceReport("lkc-orders", balance(BalanceState.BALANCED, "", null))));

    assertThat(
            reported
                .replayDesired(
                    List.of(new DesiredRecord.Tombstone(DesiredEvent.clusterKey("lkc-orders"))))
                .balance("lkc-orders"))
        .as("after the desired state is tombstoned")
        .isEmpty();
    assertThat(reported.replayStatus(List.of(removed("lkc-orders"))).balance("lkc-orders"))
        .as("after the agent removed the cluster")
        .isEmpty();
    assertThat(
            reported
                .replayStatus(
                    List.of(new StatusRecord.Tombstone(StatusEvent.balanceKey("lkc-orders"))))
                .balance("lkc-orders"))
        .as("after the agent tombstoned the balance report")
        .isEmpty();
  }

  @Test
  void theLatestBalanceRequestIsKeptUntilItOrItsClusterIsTombstoned() {
    ReadModel model =
        ReadModel.EMPTY.replayDesired(
            List.of(
                put(orders),
                balanceRequest("lkc-orders", "br-1", BalanceAction.PLAN),
                balanceRequest("lkc-orders", "br-2", BalanceAction.REBALANCE)));

    assertThat(model.balanceRequest("lkc-orders"))
        .hasValueSatisfying(r -> assertThat(r.requestId()).isEqualTo("br-2"));
    assertThat(model.cluster("lkc-orders/balance-request"))
        .as("a request is not mistaken for a cluster")
        .isEmpty();
    assertThat(
            model
                .replayDesired(
                    List.of(
                        new DesiredRecord.Tombstone(DesiredEvent.balanceRequestKey("lkc-orders"))))
                .balanceRequest("lkc-orders"))
        .isEmpty();
    ReadModel gone =
        model.replayDesired(
            List.of(new DesiredRecord.Tombstone(DesiredEvent.clusterKey("lkc-orders"))));
    assertThat(gone.balanceRequest("lkc-orders")).isEmpty();
    assertThat(gone.toString()).isEqualTo(ReadModel.EMPTY.toString());
  }
}
