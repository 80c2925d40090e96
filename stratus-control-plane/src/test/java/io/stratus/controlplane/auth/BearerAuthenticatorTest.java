package io.stratus.controlplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.TestData;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BearerAuthenticatorTest {

  private final PlatformToken token = PlatformToken.issue(new Random(7));
  private final ReadModel model =
      ReadModel.EMPTY.replayDesired(
          List.of(
              new DesiredRecord.Put(
                  new DesiredEvent.PlatformKeyIssued(
                      token.keyId(), token.secretHash(), "admin", TestData.NOW))));
  private final BearerAuthenticator authenticator = new BearerAuthenticator(() -> model);

  private Authentication authenticate(String header) {
    return authenticator.authenticate(Optional.ofNullable(header));
  }

  @Test
  void theIssuedTokenIsAccepted() {
    assertThat(authenticate("Bearer " + token.bearer()))
        .isEqualTo(new Authentication.Authenticated(token.keyId(), "admin"));
    assertThat(authenticate("bearer  " + token.bearer() + " "))
        .isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void aMissingHeaderSaysWhatToSend() {
    assertThat(authenticate(null))
        .isInstanceOfSatisfying(
            Authentication.Refused.class,
            refused -> assertThat(refused.detail()).contains("Authorization: Bearer"));
  }

  @Test
  void anotherSchemeIsRefused() {
    assertThat(authenticate("Basic dXNlcjpwYXNz"))
        .isInstanceOfSatisfying(
            Authentication.Refused.class,
            refused -> assertThat(refused.detail()).contains("Bearer scheme"));
  }

  @Test
  void aWrongSecretAndAnUnknownKeyAreRefusedAlike() {
    PlatformToken wrongSecret = new PlatformToken(token.keyId(), "a".repeat(40));
    PlatformToken unknownKey = new PlatformToken("ZZZZZZZZZZZZZZZZ", token.secret());

    Authentication first = authenticate("Bearer " + wrongSecret.bearer());
    Authentication second = authenticate("Bearer " + unknownKey.bearer());

    assertThat(first).isEqualTo(new Authentication.Refused("the API key is not valid"));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void garbageIsRefusedWithoutEchoingIt() {
    assertThat(authenticate("Bearer hunter2"))
        .isInstanceOfSatisfying(
            Authentication.Refused.class,
            refused -> assertThat(refused.detail()).doesNotContain("hunter2"));
  }
}
