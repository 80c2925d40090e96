package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.command.Decisions.accepted;
import static io.stratus.controlplane.command.Decisions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceState;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalanceCommandsTest {

  private final BalanceCommands commands = new BalanceCommands();
  private final DesiredCluster orders = cluster("lkc-orders", "orders", 3);
  private final ReadModel model = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

  @Test
  void aRequestIsWrittenUnderTheClustersBalanceRequestKey() {
    Decision.Accepted<BalanceRequestReceipt> accepted =
        accepted(
            commands.request(model, TestData.context(1), "lkc-orders", BalanceAction.REBALANCE));

    BalanceRequestReceipt receipt = accepted.response();
    assertThat(receipt.clusterId()).isEqualTo("lkc-orders");
    assertThat(receipt.requestId()).matches("br-[a-z0-9]{12}");
    assertThat(receipt.action()).isEqualTo(BalanceAction.REBALANCE);
    assertThat(receipt.requestedAt()).isEqualTo(NOW);
    assertThat(accepted.records())
        .containsExactly(
            new DesiredRecord.Put(
                new DesiredEvent.BalanceRequested(
                    "lkc-orders", receipt.requestId(), BalanceAction.REBALANCE, NOW)));
    assertThat(accepted.records().get(0).key()).isEqualTo("balance-request/lkc-orders");
  }

  @Test
  void aNewRequestNeverReusesTheIdOfTheLatestOrTheHandledOne() {
    // The same seed draws the same first id, so the command has to draw again.
    String first =
        accepted(commands.request(model, TestData.context(1), "lkc-orders", BalanceAction.PLAN))
            .response()
            .requestId();
    ReadModel requested =
        model.replayDesired(
            List.of(TestData.balanceRequest("lkc-orders", first, BalanceAction.PLAN)));
    ReadModel handled =
        model.replayStatus(
            List.of(
                TestData.balanceReport(
                    "lkc-orders", TestData.balance(BalanceState.BALANCED, "", first))));

    Set<String> ids = new HashSet<>();
    for (ReadModel image : List.of(requested, handled)) {
      ids.add(
          accepted(commands.request(image, TestData.context(1), "lkc-orders", BalanceAction.PLAN))
              .response()
              .requestId());
    }

    assertThat(ids).doesNotContain(first);
  }

  @Test
  void anUnknownClusterIsNotFound() {
    Rejection rejection =
        rejected(commands.request(model, TestData.context(1), "lkc-nope00", BalanceAction.PLAN));

    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
    assertThat(rejection.detail()).contains("lkc-nope00");
  }

  @Test
  void aClusterBeingDeletedRefusesRequests() {
    ReadModel deleting = model.replayDesired(List.of(put(orders.markedForDeletion())));

    Rejection rejection =
        rejected(commands.request(deleting, TestData.context(1), "lkc-orders", BalanceAction.STOP));

    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(rejection.detail()).contains("being deleted").contains("stop");
  }
}
