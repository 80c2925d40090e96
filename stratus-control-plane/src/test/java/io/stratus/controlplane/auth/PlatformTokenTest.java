package io.stratus.controlplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTokenTest {

  @Test
  void issuedTokensHaveTheDocumentedForm() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      PlatformToken token = PlatformToken.issue(random);

      assertThat(token.keyId()).matches("[A-Z0-9]{16}");
      assertThat(token.secret()).matches("[a-z0-9]{40}");
      assertThat(token.bearer()).isEqualTo(token.keyId() + "." + token.secret());
      assertThat(PlatformToken.parse(token.bearer())).contains(token);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ABCDEFGHIJKLMNOP",
        "ABCDEFGHIJKLMNOP.",
        "abcdefghijklmnop.abcdefghijklmnopqrstuvwxyz0123456789abcd",
        "ABCDEFGHIJKLMNOP.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD",
        "ABCDEFGHIJKLMNOP.abcdefghijklmnopqrstuvwxyz0123456789abc",
        "ABCDEFGHIJKLMNOP.abcdefghijklmnopqrstuvwxyz0123456789abcde",
        "ABCDEFGHIJKLMNOP:abcdefghijklmnopqrstuvwxyz0123456789abcd"
      })
  void textOfAnotherFormIsNoToken(String text) {
    assertThat(PlatformToken.parse(text)).isEmpty();
  }

  @Test
  void theSecretNeverAppearsInItsText() {
    PlatformToken token = PlatformToken.issue(new Random(1));

    assertThat(token.toString()).contains(token.keyId()).doesNotContain(token.secret());
  }

  @Test
  void theStoredHashIsSha256OfTheSecret() {
    PlatformToken token = new PlatformToken("ABCDEFGHIJKLMNOP", "secret");

    assertThat(token.secretHash())
        .isEqualTo("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
    assertThat(SecretHash.matches("secret", token.secretHash())).isTrue();
    assertThat(SecretHash.matches("Secret", token.secretHash())).isFalse();
  }
}
