package io.stratus.plugins.tiered.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  @TempDir Path directory;
  private final SecureRandom random = new SecureRandom();

  @Test
  void readsRawAndBase64KeysAsTheSameKey() throws Exception {
    byte[] key = key(1);
    Path raw = Files.write(directory.resolve("raw.key"), key);
    Path base64 =
        Files.writeString(
            directory.resolve("b64.key"), Base64.getEncoder().encodeToString(key) + "\n");

    MasterKey fromRaw = MasterKey.readFile(raw);
    MasterKey fromBase64 = MasterKey.readFile(base64);

    assertThat(fromRaw.fingerprint())
        .isEqualTo(fromBase64.fingerprint())
        .matches("sha256:[0-9a-f]{16}");
    assertThat(MasterKey.of(key(2)).fingerprint()).isNotEqualTo(fromRaw.fingerprint());
    assertThat(fromRaw.toString()).isEqualTo("MasterKey(" + fromRaw.fingerprint() + ")");
  }

  @Test
  void rejectsFilesThatDoNotHoldA256BitKey() throws Exception {
    Path short16 = Files.write(directory.resolve("short.key"), new byte[16]);
    Path base64Of16 =
        Files.writeString(
            directory.resolve("b64-16.key"), Base64.getEncoder().encodeToString(new byte[16]));
    Path text = Files.writeString(directory.resolve("text.key"), "not a key at all!");

    assertThatThrownBy(() -> MasterKey.readFile(short16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 16 bytes that are not base64")
        .hasMessageContaining("exactly 32 raw bytes or the base64 encoding of 32 bytes");
    assertThatThrownBy(() -> MasterKey.readFile(base64Of16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decode to 16");
    assertThatThrownBy(() -> MasterKey.readFile(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("17 bytes that are not base64");
    assertThatThrownBy(() -> MasterKey.readFile(directory.resolve("missing.key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read master key file");
    assertThatThrownBy(() -> MasterKey.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrappedDataKeyUnwrapsOnlyWithTheSameKeyAndContext() throws Exception {
    MasterKey master = MasterKey.of(key(1));
    DataKey dataKey = DataKey.generate(random);
    byte[] aad = "segment-a".getBytes(StandardCharsets.UTF_8);
    byte[] wrapped = master.wrap(dataKey, aad, random);

    DataKey unwrapped = master.unwrap(wrapped, aad, random);
    byte[] sealed = dataKey.seal("hello".getBytes(StandardCharsets.UTF_8), aad);
    assertThat(unwrapped.open(sealed, aad)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    assertThat(unwrapped.toString()).doesNotContain(Base64.getEncoder().encodeToString(wrapped));

    assertThatThrownBy(() -> MasterKey.of(key(2)).unwrap(wrapped, aad, random))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> master.unwrap(wrapped, "segment-b".getBytes(StandardCharsets.UTF_8), random))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void everySealUsesAFreshNonce() {
    DataKey dataKey = DataKey.generate(random);
    byte[] aad = new byte[0];
    byte[] plain = new byte[64];
    assertThat(dataKey.seal(plain, aad)).isNotEqualTo(dataKey.seal(plain, aad));
  }

  private static byte[] key(long seed) {
    byte[] key = new byte[32];
    new Random(seed).nextBytes(key);
    return key;
  }
}
