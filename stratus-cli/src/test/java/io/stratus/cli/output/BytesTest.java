package io.stratus.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void smallCountsAreExactBytes() {
    assertThat(Bytes.readable(0)).isEqualTo("0 B");
    assertThat(Bytes.readable(1023)).isEqualTo("1023 B");
  }

  @Test
  void largerCountsUseTheLargestUnitAtOneOrMore() {
    assertThat(Bytes.readable(1024)).isEqualTo("1.0 KiB");
    assertThat(Bytes.readable(1536)).isEqualTo("1.5 KiB");
    assertThat(Bytes.readable(200L * 1024 * 1024)).isEqualTo("200.0 MiB");
    assertThat(Bytes.readable(3L * 1024 * 1024 * 1024 * 1024)).isEqualTo("3.0 TiB");
  }
}
