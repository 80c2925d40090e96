package io.stratus.controlplane.command;

import static io.stratus.controlplane.TestData.NOW;
import static io.stratus.controlplane.TestData.cluster;
import static io.stratus.controlplane.TestData.put;
import static io.stratus.controlplane.command.Decisions.accepted;
import static io.stratus.controlplane.command.Decisions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.SealedSecrets;
import io.stratus.api.StatusEvent;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import io.stratus.controlplane.model.ReadModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantKeyCommandsTest {

  private final TenantKeyCommands commands = new TenantKeyCommands();
  private final DesiredCluster orders = cluster("lkc-orders", "orders", 3);
  private final ReadModel withOrders = ReadModel.EMPTY.replayDesired(List.of(put(orders)));

  @Test
  void withoutARegisteredAgentTheKeyCannotBeSealed() {
    Rejection rejection = rejected(commands.issue(withOrders, TestData.context(1), "lkc-orders"));

    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
    assertThat(rejection.detail())
        .isEqualTo("no data plane agent has registered yet; try again shortly");
  }

  @Test
  void theSecretIsSealedToTheLatestAgentAndOnlyTheAnswerHoldsItInPlaintext() throws Exception {
    ReadModel model =
        withOrders.replayStatus(
            List.of(
                new StatusRecord.Put(
                    new StatusEvent.AgentRegistered(
                        "agent-old",
                        SealedSecrets.encodePublicKey(SealedSecrets.newKeyPair().getPublic()),
                        NOW.minus(Duration.ofHours(1)))),
                new StatusRecord.Put(TestData.agent("agent-1", NOW))));

    Decision.Accepted<ApiKeySecret> accepted =
        accepted(commands.issue(model, TestData.context(1), "lkc-orders"));

    ApiKeySecret secret = accepted.response();
    assertThat(secret.key()).matches("[A-Z0-9]{16}");
    assertThat(secret.secret()).matches("[A-Za-z0-9]{64}");
    assertThat(accepted.records()).hasSize(1);
    DesiredEvent.TenantKeyIssued issued =
        (DesiredEvent.TenantKeyIssued) ((DesiredRecord.Put) accepted.records().get(0)).event();
    assertThat(issued.key()).isEqualTo(secret.key());
    assertThat(issued.clusterId()).isEqualTo("lkc-orders");
    assertThat(issued.agentId()).isEqualTo("agent-1");
    assertThat(issued.createdAt()).isEqualTo(NOW);
    assertThat(StratusJson.mapper().writeValueAsString(issued)).doesNotContain(secret.secret());
    assertThat(SealedSecrets.open(TestData.agentKeys().getPrivate(), issued.sealedSecret()))
        .isEqualTo(secret.secret());
  }

  @Test
  void anUnknownClusterIsNotFound() {
    assertThat(rejected(commands.issue(withOrders, TestData.context(1), "lkc-nope00")).reason())
        .isEqualTo(Rejection.Reason.NOT_FOUND);
  }

  @Test
  void aClusterBeingDeletedGetsNoKeys() {
    ReadModel model =
        withOrders
            .replayDesired(List.of(put(orders.markedForDeletion())))
            .replayStatus(List.of(new StatusRecord.Put(TestData.agent("agent-1", NOW))));

    Rejection rejection = rejected(commands.issue(model, TestData.context(1), "lkc-orders"));

    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(rejection.detail()).contains("being deleted");
  }

  @Test
  void anAgentKeyThatCannotSealIsReported() {
    ReadModel model =
        withOrders.replayStatus(
            List.of(
                new StatusRecord.Put(
                    new StatusEvent.AgentRegistered("agent-bad", "bm90IGEga2V5", NOW))));

    Rejection rejection = rejected(commands.issue(model, TestData.context(1), "lkc-orders"));

    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
    assertThat(rejection.detail()).contains("agent-bad");
  }
}
