package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.command.Decisions.accepted;
import static io.stratus.controlplane.command.Decisions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.Identifiers;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.RestartClusterRequest;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterCommandsTest {

  private final ClusterCommands commands = new ClusterCommands(TestData.rules());

  /** A cluster at the older of the two supported Kafka versions, so that it can be upgraded. */
  private final DesiredCluster orders =
      new DesiredCluster(
          "lkc-orders", TestData.spec("orders", 5).withKafkaVersion("4.3.1"), 1, false, NOW);

  private final ReadModel withOrders = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

  /** Orders, which the agent reports READY at its current version: free for any change. */
  private final ReadModel ordersReady = reported(withOrders, ClusterPhase.READY, 1);

  private static ReadModel reported(ReadModel model, ClusterPhase phase, long observedVersion) {
    return reported(model, TestData.status(phase, observedVersion, ""));
  }

  private static ReadModel reported(ReadModel model, ClusterStatus status) {
    return model.replayStatus(List.of(TestData.report("lkc-orders", status)));
  }

  /** One change each to brokers, Kafka version and configuration, all valid on orders. */
  static Stream<PatchClusterRequest> lifecycleChanges() {
    return Stream.of(
        new PatchClusterRequest(6, null, null, null),
        new PatchClusterRequest(null, "4.4.0", null, null),
        new PatchClusterRequest(null, null, Map.of("num.partitions", "6"), null));
  }

  private static DesiredCluster written(Decision.Accepted<?> accepted) {
    assertThat(accepted.records()).hasSize(1);
    DesiredRecord.Put put = (DesiredRecord.Put) accepted.records().get(0);
    return ((DesiredEvent.ClusterChanged) put.event()).cluster();
  }

  @Nested
  class Create {

    private final CreateClusterRequest request =
        new CreateClusterRequest("payments", "dedicated", null, null, null);

    @Test
    void writesTheClusterAtVersionOneAndAnswersItPending() {
      Decision.Accepted<Cluster> accepted =
          accepted(commands.create(withOrders, TestData.context(1), request));

      DesiredCluster cluster = written(accepted);
      assertThat(Identifiers.isClusterId(cluster.id())).isTrue();
      assertThat(cluster.resourceVersion()).isEqualTo(1);
      assertThat(cluster.deleting()).isFalse();
      assertThat(cluster.createdAt()).isEqualTo(NOW);
      assertThat(cluster.spec()).isEqualTo(TestData.spec("payments", 3));
      assertThat(accepted.records().get(0).key()).isEqualTo("cluster/" + cluster.id());
      assertThat(accepted.response().id()).isEqualTo(cluster.id());
      assertThat(accepted.response().status().phase()).isEqualTo(ClusterPhase.PROVISIONING);
    }

    @Test
    void theSameSeedDrawsTheSameId() {
      String first =
          written(accepted(commands.create(ReadModel.EMPTY, TestData.context(9), request))).id();
      String second =
          written(accepted(commands.create(ReadModel.EMPTY, TestData.context(9), request))).id();

      assertThat(first).isEqualTo(second);
    }

    @Test
    void anIdInUseIsDrawnAgain() {
      String taken = Identifiers.newClusterId(new Random(3));
      ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(cluster(taken, "other", 3))));

      DesiredCluster cluster =
          written(accepted(commands.create(model, TestData.context(3), request)));

      assertThat(cluster.id()).isNotEqualTo(taken);
    }

    @Test
    void aRuleBrokenIsRefusedWithItsField() {
      Rejection rejection =
          rejected(
              commands.create(
                  withOrders,
                  TestData.context(1),
                  new CreateClusterRequest("payments", "dedicated", 0, null, null)));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
      assertThat(rejection.field()).contains("brokers");
    }

    @Test
    void aTakenNameIsAConflictNamingTheHolder() {
      Rejection rejection =
          rejected(
              commands.create(
                  withOrders,
                  TestData.context(1),
                  new CreateClusterRequest("orders", "dedicated", null, null, null)));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.field()).contains("name");
      assertThat(rejection.detail()).contains("'orders'").contains("lkc-orders");
    }

    @Test
    void theNameOfAClusterBeingDeletedIsTakenUntilItIsGone() {
      ReadModel model = withOrders.replayDesired(List.of(put(orders.markedForDeletion())));

      Rejection rejection =
          rejected(
              commands.create(
                  model,
                  TestData.context(1),
                  new CreateClusterRequest("orders", "dedicated", null, null, null)));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.detail()).contains("being deleted").contains("free again");
    }
  }

  @Nested
  class Patch {

    @Test
    void anAcceptedChangeIncreasesTheVersion() {
      Decision.Accepted<Cluster> accepted =
          accepted(
              commands.patch(
                  ordersReady,
                  "lkc-orders",
                  new PatchClusterRequest(7, "4.4.0", null, null),
                  Optional.empty()));

      DesiredCluster next = written(accepted);
      assertThat(next.resourceVersion()).isEqualTo(2);
      assertThat(next.spec().brokers()).isEqualTo(7);
      assertThat(next.spec().kafkaVersion()).isEqualTo("4.4.0");
      assertThat(next.spec().name()).isEqualTo("orders");
      assertThat(accepted.response().resourceVersion()).isEqualTo(2);
    }

    @Test
    void theCurrentVersionMayBeNamedInTheHeaderOrTheBody() {
      accepted(
          commands.patch(
              ordersReady,
              "lkc-orders",
              new PatchClusterRequest(6, null, null, 1L),
              Optional.of(1L)));
    }

    @Test
    void aStaleIfMatchIsAConflict() {
      ReadModel atVersion6 = modelAtVersion(6);

      Rejection rejection =
          rejected(
              commands.patch(
                  atVersion6,
                  "lkc-orders",
                  new PatchClusterRequest(6, null, null, null),
                  Optional.of(5L)));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.field()).contains("If-Match");
      assertThat(rejection.detail())
          .isEqualTo(
              "cluster lkc-orders is at version 6, the request was made against version 5; read it"
                  + " again and retry");
    }

    @Test
    void aStaleBodyVersionIsAConflict() {
      Rejection rejection =
          rejected(
              commands.patch(
                  modelAtVersion(6),
                  "lkc-orders",
                  new PatchClusterRequest(6, null, null, 2L),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.field()).contains("resourceVersion");
    }

    @Test
    void shrinkingBelowTheQuorumIsRefused() {
      Rejection rejection =
          rejected(
              commands.patch(
                  withOrders,
                  "lkc-orders",
                  new PatchClusterRequest(2, null, null, null),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
      assertThat(rejection.field()).contains("brokers");
      assertThat(rejection.detail()).contains("KRaft");
    }

    @Test
    void shrinkingToTheQuorumIsAccepted() {
      assertThat(
              written(
                      accepted(
                          commands.patch(
                              ordersReady,
                              "lkc-orders",
                              new PatchClusterRequest(3, null, null, null),
                              Optional.empty())))
                  .spec()
                  .brokers())
          .isEqualTo(3);
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
      Decision.Accepted<Cluster> accepted =
          accepted(
              commands.patch(
                  withOrders,
                  "lkc-orders",
                  new PatchClusterRequest(5, "4.3.1", null, null),
                  Optional.empty()));

      assertThat(accepted.records()).isEmpty();
      assertThat(accepted.response().resourceVersion()).isEqualTo(1);
    }

    @Test
    void anUnknownClusterIsNotFound() {
      Rejection rejection =
          rejected(
              commands.patch(
                  withOrders,
                  "lkc-nope00",
                  new PatchClusterRequest(4, null, null, null),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
      assertThat(rejection.detail()).contains("lkc-nope00");
    }

    @Test
    void aClusterBeingDeletedCannotChange() {
      ReadModel model = withOrders.replayDesired(List.of(put(orders.markedForDeletion())));

      Rejection rejection =
          rejected(
              commands.patch(
                  model,
                  "lkc-orders",
                  new PatchClusterRequest(4, null, null, null),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.detail()).contains("being deleted");
    }

    @Test
    void configIsAcceptedAndReplacesTheOverrides() {
      DesiredCluster configured =
          orders.withSpec(orders.spec().withConfig(Map.of("num.partitions", "3")));
      ReadModel model =
          reported(ReadModel.EMPTY.replayDesired(List.of(put(configured))), ClusterPhase.READY, 2);

      DesiredCluster next =
          written(
              accepted(
                  commands.patch(
                      model,
                      "lkc-orders",
                      new PatchClusterRequest(
                          null, null, Map.of("log.retention.ms", "60000"), null),
                      Optional.empty())));

      assertThat(next.spec().config()).isEqualTo(Map.of("log.retention.ms", "60000"));
      assertThat(next.resourceVersion()).isEqualTo(3);
    }

    @Test
    void aConfigKeyOffTheAllowlistIsRefusedByName() {
      Rejection rejection =
          rejected(
              commands.patch(
                  ordersReady,
                  "lkc-orders",
                  new PatchClusterRequest(null, null, Map.of("log.dirs", "/tmp"), null),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
      assertThat(rejection.field()).contains("config.log.dirs");
    }

    @Test
    void aDowngradeIsRefusedOnKafkaVersion() {
      ReadModel upgraded =
          reported(
              ReadModel.EMPTY.replayDesired(List.of(put(cluster("lkc-orders", "orders", 5)))),
              ClusterPhase.READY,
              1);

      Rejection rejection =
          rejected(
              commands.patch(
                  upgraded,
                  "lkc-orders",
                  new PatchClusterRequest(null, "4.3.1", null, null),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
      assertThat(rejection.field()).contains("kafkaVersion");
      assertThat(rejection.detail())
          .startsWith("kafkaVersion 4.3.1 is older than the cluster's 4.4.0")
          .contains("create a new cluster at 4.3.1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.stratus.controlplane.command.ClusterCommandsTest#lifecycleChanges")
    void aLifecycleChangeWaitsForTheAgentToReportOnANewCluster(PatchClusterRequest patch) {
      Rejection rejection =
          rejected(commands.patch(withOrders, "lkc-orders", patch, Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BUSY);
      assertThat(rejection.detail())
          .isEqualTo(
              "cluster lkc-orders is busy: it is being created and no data plane agent has"
                  + " reported on it yet; one lifecycle operation at a time — retry once it is"
                  + " READY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.stratus.controlplane.command.ClusterCommandsTest#lifecycleChanges")
    void aLifecycleChangeIsBusyWhileAnotherRuns(PatchClusterRequest patch) {
      ReadModel restarting =
          reported(
              withOrders,
              new ClusterStatus(
                  ClusterPhase.UPDATING,
                  Optional.of("127.0.0.1:19092"),
                  Optional.of("4.4.0"),
                  List.of(),
                  "restarting broker 2",
                  1,
                  Optional.empty(),
                  Optional.of(
                      new LifecycleOperation(
                          OperationKind.RESTART,
                          1,
                          3,
                          Optional.of(2),
                          33,
                          Optional.of("waiting for broker 2 to catch up"))),
                  Optional.empty()));

      Rejection rejection =
          rejected(commands.patch(restarting, "lkc-orders", patch, Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BUSY);
      assertThat(rejection.field()).isEmpty();
      assertThat(rejection.detail())
          .isEqualTo(
              "cluster lkc-orders is busy: rolling restart, 1 of 3 brokers restarted, broker 2"
                  + " now (waiting for broker 2 to catch up); one lifecycle"
                  + " operation at a time — retry once it is READY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.stratus.controlplane.command.ClusterCommandsTest#lifecycleChanges")
    void aLifecycleChangeIsBusyUntilTheAgentHasTakenUpTheLastOne(PatchClusterRequest patch) {
      ReadModel notTakenUp =
          reported(
              ReadModel.EMPTY.replayDesired(List.of(put(orders.withSpec(orders.spec())))),
              ClusterPhase.READY,
              1);

      Rejection rejection =
          rejected(commands.patch(notTakenUp, "lkc-orders", patch, Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BUSY);
      assertThat(rejection.detail())
          .isEqualTo(
              "cluster lkc-orders is busy: the data plane has not yet taken up version 2 of its"
                  + " spec (it last acted on version 1); one lifecycle operation at a time —"
                  + " retry once it is READY at version 2");
    }

    @Test
    void aBusyPhaseWithoutAnOperationIsNamedWithItsMessage() {
      ReadModel provisioning =
          reported(withOrders, TestData.status(ClusterPhase.PROVISIONING, 1, "starting broker 1"));

      Rejection rejection =
          rejected(
              commands.patch(
                  provisioning,
                  "lkc-orders",
                  new PatchClusterRequest(6, null, null, null),
                  Optional.empty()));

      assertThat(rejection.detail())
          .startsWith("cluster lkc-orders is busy: PROVISIONING (starting broker 1);");
    }

    @Test
    void theBalancingModeMayChangeWhileBusy() {
      ReadModel updating = reported(withOrders, ClusterPhase.UPDATING, 1);

      DesiredCluster next =
          written(
              accepted(
                  commands.patch(
                      updating,
                      "lkc-orders",
                      new PatchClusterRequest(null, null, null, null, new BalancingRequest("off")),
                      Optional.empty())));

      assertThat(next.spec().balancing().mode()).isEqualTo(BalancingMode.OFF);
    }

    @Test
    void aPatchThatChangesNothingIsAcceptedWhileBusy() {
      assertThat(
              accepted(
                      commands.patch(
                          withOrders,
                          "lkc-orders",
                          new PatchClusterRequest(5, null, null, null),
                          Optional.empty()))
                  .records())
          .isEmpty();
    }

    @Test
    void aFailedClusterMayBeChangedToRecover() {
      ReadModel failed =
          reported(
              ReadModel.EMPTY.replayDesired(List.of(put(orders.withSpec(orders.spec())))),
              ClusterPhase.FAILED,
              1);

      assertThat(
              written(
                      accepted(
                          commands.patch(
                              failed,
                              "lkc-orders",
                              new PatchClusterRequest(6, null, null, null),
                              Optional.empty())))
                  .spec()
                  .brokers())
          .isEqualTo(6);
    }

    private ReadModel modelAtVersion(long version) {
      DesiredCluster cluster = orders;
      while (cluster.resourceVersion() < version) {
        cluster = cluster.withSpec(cluster.spec());
      }
      return ReadModel.EMPTY.replayDesired(List.of(put(cluster)));
    }
  }

  @Nested
  class Restart {

    private Decision<Cluster> restart(ReadModel model) {
      return commands.restart(
          model,
          TestData.context(1),
          "lkc-orders",
          RestartClusterRequest.ANY_VERSION,
          Optional.empty());
    }

    @Test
    void asksForARestartNowAtTheNextVersion() {
      Decision.Accepted<Cluster> accepted = accepted(restart(ordersReady));

      DesiredCluster next = written(accepted);
      assertThat(next.spec()).isEqualTo(orders.spec().withRestartRequestedAt(NOW));
      assertThat(next.resourceVersion()).isEqualTo(2);
      assertThat(accepted.response().spec().restartRequestedAt()).contains(NOW);
      assertThat(accepted.response().resourceVersion()).isEqualTo(2);
    }

    @Test
    void eachRestartChangesTheTimeEvenIfTheClockDidNot() {
      DesiredCluster restarted = orders.withSpec(orders.spec().withRestartRequestedAt(NOW));
      ReadModel model =
          reported(ReadModel.EMPTY.replayDesired(List.of(put(restarted))), ClusterPhase.READY, 2);

      DesiredCluster next = written(accepted(restart(model)));

      assertThat(next.spec().restartRequestedAt()).contains(NOW.plusMillis(1));
    }

    @Test
    void anUnknownClusterIsNotFound() {
      Rejection rejection =
          rejected(
              commands.restart(
                  ordersReady,
                  TestData.context(1),
                  "lkc-nope00",
                  RestartClusterRequest.ANY_VERSION,
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void aClusterBeingDeletedCannotRestart() {
      ReadModel model = ordersReady.replayDesired(List.of(put(orders.markedForDeletion())));

      Rejection rejection = rejected(restart(model));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.detail()).contains("being deleted").contains("restart it");
    }

    @Test
    void aBusyClusterCannotRestart() {
      Rejection rejection = rejected(restart(reported(withOrders, ClusterPhase.UPDATING, 1)));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BUSY);
      assertThat(rejection.detail()).startsWith("cluster lkc-orders is busy: UPDATING;");
    }

    @Test
    void aRestartMayNameTheVersionItWasAskedAgainst() {
      accepted(
          commands.restart(
              ordersReady,
              TestData.context(1),
              "lkc-orders",
              new RestartClusterRequest(1L),
              Optional.of(1L)));
      Rejection rejection =
          rejected(
              commands.restart(
                  ordersReady,
                  TestData.context(1),
                  "lkc-orders",
                  new RestartClusterRequest(0L),
                  Optional.empty()));

      assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(rejection.field()).contains("resourceVersion");
    }
  }

  @Nested
  class Delete {

    @Test
    void marksTheClusterForDeletion() {
      Decision.Accepted<Cluster> accepted = accepted(commands.delete(withOrders, "lkc-orders"));

      DesiredCluster marked = written(accepted);
      assertThat(marked.deleting()).isTrue();
      assertThat(marked.resourceVersion()).isEqualTo(2);
      assertThat(accepted.response().status().phase()).isEqualTo(ClusterPhase.DELETING);
    }

    @Test
    void deletingTwiceWritesOnce() {
      ReadModel model = withOrders.replayDesired(List.of(put(orders.markedForDeletion())));

      Decision.Accepted<Cluster> accepted = accepted(commands.delete(model, "lkc-orders"));

      assertThat(accepted.records()).isEmpty();
      assertThat(accepted.response().status().phase()).isEqualTo(ClusterPhase.DELETING);
    }

    @Test
    void anUnknownClusterIsNotFound() {
      assertThat(rejected(commands.delete(withOrders, "lkc-nope00")).reason())
          .isEqualTo(Rejection.Reason.NOT_FOUND);
    }
  }
}
