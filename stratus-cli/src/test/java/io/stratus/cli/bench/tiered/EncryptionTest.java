package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class EncryptionTest {

  private final Encryption.Converter converter = new Encryption.Converter();

  @Test
  void readsOnAndOffInAnyCase() {
    assertThat(converter.convert("on")).isEqualTo(Encryption.ON);
    assertThat(converter.convert("OFF")).isEqualTo(Encryption.OFF);
  }

  @Test
  void showsAsTheCommandLineWritesIt() {
    assertThat(Encryption.ON).hasToString("on");
  }

  @Test
  void refusesAnythingElseSayingWhatIsAllowed() {
    assertThatThrownBy(() -> converter.convert("yes"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected on or off, got 'yes'");
  }
}
