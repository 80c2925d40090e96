package io.stratus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class SealedSecretsTest {

  private static final KeyPair AGENT = SealedSecrets.newKeyPair();

  @Test
  void theAgentOpensWhatWasSealedToIt() {
    String sealed = SealedSecrets.seal(SealedSecrets.encodePublicKey(AGENT.getPublic()), "s3cret");

    assertThat(sealed).doesNotContain("s3cret");
    assertThat(SealedSecrets.open(AGENT.getPrivate(), sealed)).isEqualTo("s3cret");
  }

  @Test
  void anotherAgentCannotOpenIt() {
    String sealed = SealedSecrets.seal(SealedSecrets.encodePublicKey(AGENT.getPublic()), "s3cret");
    KeyPair other = SealedSecrets.newKeyPair();

    assertThatThrownBy(() -> SealedSecrets.open(other.getPrivate(), sealed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot open");
  }

  @Test
  void aMalformedPublicKeyIsRejected() {
    assertThatThrownBy(() -> SealedSecrets.seal("bm90IGEga2V5", "s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public key");
  }
}
