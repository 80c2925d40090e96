package io.stratus.controlplane.command;

import static io.stratus.controlplane.command.Decisions.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.auth.PlatformToken;
import io.stratus.controlplane.auth.SecretHash;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformKeyCommandsTest {

  private final PlatformKeyCommands commands = new PlatformKeyCommands();

  @Test
  void theFirstAdminKeyIsStoredAsAHashOnly() {
    Decision.Accepted<Optional<String>> accepted =
        accepted(commands.issueInitialAdmin(ReadModel.EMPTY, TestData.context(1)));

    PlatformToken token = PlatformToken.parse(accepted.response().orElseThrow()).orElseThrow();
    DesiredEvent.PlatformKeyIssued issued =
        (DesiredEvent.PlatformKeyIssued) ((DesiredRecord.Put) accepted.records().get(0)).event();
    assertThat(issued.keyId()).isEqualTo(token.keyId());
    assertThat(issued.role()).isEqualTo("admin");
    assertThat(issued.createdAt()).isEqualTo(TestData.NOW);
    assertThat(issued.secretHash()).isEqualTo(SecretHash.of(token.secret()));
    assertThat(issued.toString()).doesNotContain(token.secret());
  }

  @Test
  void noSecondInitialKeyIsIssued() {
    Decision.Accepted<Optional<String>> first =
        accepted(commands.issueInitialAdmin(ReadModel.EMPTY, TestData.context(1)));
    ReadModel model = ReadModel.EMPTY.replayDesired(first.records());

    Decision.Accepted<Optional<String>> second =
        accepted(commands.issueInitialAdmin(model, TestData.context(2)));

    assertThat(second.response()).isEmpty();
    assertThat(second.records()).isEmpty();
  }
}
