package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.command.Decisions.accepted;
import static io.stratus.controlplane.command.Decisions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.Identifiers;
import io.stratus.api.PatchClusterRequest;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClusterCommandsTest {

  private final ClusterCommands commands = new ClusterCommands(TestData.rules());
  private final DesiredCluster orders = cluster("lkc-orders", "orders", 5);
  private final ReadModel withOrders = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

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
                  withOrders,
                  "lkc-orders",
                  new PatchClusterRequest(7, "4.3.1", null, null),
                  Optional.empty()));

      DesiredCluster next = written(accepted);
      assertThat(next.resourceVersion()).isEqualTo(2);
      assertThat(next.spec().brokers()).isEqualTo(7);
      assertThat(next.spec().kafkaVersion()).isEqualTo("4.3.1");
      assertThat(next.spec().name()).isEqualTo("orders");
      assertThat(accepted.response().resourceVersion()).isEqualTo(2);
    }

    @Test
    void theCurrentVersionMayBeNamedInTheHeaderOrTheBody() {
      accepted(
          commands.patch(
              withOrders,
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
                              withOrders,
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
                  new PatchClusterRequest(5, "4.4.0", null, null),
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

    private ReadModel modelAtVersion(long version) {
      DesiredCluster cluster = orders;
      while (cluster.resourceVersion() < version) {
        cluster = cluster.withSpec(cluster.spec());
      }
      return ReadModel.EMPTY.replayDesired(List.of(put(cluster)));
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
