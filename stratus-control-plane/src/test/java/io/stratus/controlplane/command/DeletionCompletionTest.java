package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.TestData.removed;
import static io.stratus.controlplane.command.Decisions.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.ClusterPhase;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionCompletionTest {

  private final DesiredCluster orders = cluster("lkc-orders", "orders", 3);
  private final DesiredCluster payments = cluster("lkc-paymnt", "payments", 3);
  private final ReadModel model =
      ReadModel.EMPTY.replayDesired(
          List.of(
              put(orders),
              put(payments),
              new DesiredRecord.Put(
                  new DesiredEvent.TenantKeyIssued("KEYB", "lkc-orders", "agent-1", "s", NOW)),
              new DesiredRecord.Put(
                  new DesiredEvent.TenantKeyIssued("KEYA", "lkc-orders", "agent-1", "s", NOW)),
              new DesiredRecord.Put(
                  new DesiredEvent.TenantKeyIssued("KEYC", "lkc-paymnt", "agent-1", "s", NOW))));

  @Test
  void aRemovedClusterMarkedForDeletionIsTombstonedWithItsKeys() {
    ReadModel removedByAgent =
        model
            .replayDesired(List.of(put(orders.markedForDeletion())))
            .replayStatus(List.of(removed("lkc-orders")));

    Decision.Accepted<List<String>> accepted = accepted(DeletionCompletion.decide(removedByAgent));

    assertThat(accepted.response()).containsExactly("lkc-orders");
    assertThat(accepted.records())
        .containsExactly(
            new DesiredRecord.Tombstone("tenant-key/KEYA"),
            new DesiredRecord.Tombstone("tenant-key/KEYB"),
            new DesiredRecord.Tombstone("cluster/lkc-orders"));
    ReadModel after = removedByAgent.replayDesired(accepted.records());
    assertThat(after.cluster("lkc-orders")).isEmpty();
    assertThat(after.tenantKeysOf("lkc-orders")).isEmpty();
    assertThat(after.tenantKeysOf("lkc-paymnt")).hasSize(1);
  }

  @Test
  void theLatestBalanceRequestIsTombstonedBeforeTheCluster() {
    ReadModel removedByAgent =
        model
            .replayDesired(
                List.of(
                    TestData.balanceRequest("lkc-paymnt", "br-1", BalanceAction.REBALANCE),
                    put(payments.markedForDeletion())))
            .replayStatus(List.of(removed("lkc-paymnt")));

    Decision.Accepted<List<String>> accepted = accepted(DeletionCompletion.decide(removedByAgent));

    assertThat(accepted.records())
        .containsExactly(
            new DesiredRecord.Tombstone("tenant-key/KEYC"),
            new DesiredRecord.Tombstone("balance-request/lkc-paymnt"),
            new DesiredRecord.Tombstone("cluster/lkc-paymnt"));
    assertThat(removedByAgent.replayDesired(accepted.records()).balanceRequest("lkc-paymnt"))
        .isEmpty();
  }

  @Test
  void aClusterNotYetRemovedByItsAgentStays() {
    ReadModel deletingButReported =
        model
            .replayDesired(List.of(put(orders.markedForDeletion())))
            .replayStatus(
                List.of(TestData.report("lkc-orders", TestData.status(ClusterPhase.READY, 2, ""))));

    assertThat(accepted(DeletionCompletion.decide(deletingButReported)).records()).isEmpty();
  }

  @Test
  void aRemovalReportForALiveClusterDeletesNothing() {
    ReadModel removedButWanted = model.replayStatus(List.of(removed("lkc-orders")));

    assertThat(accepted(DeletionCompletion.decide(removedButWanted)).records()).isEmpty();
  }
}
