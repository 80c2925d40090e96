package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordPayloadsTest {

  @Test
  void theSameSeedWritesTheSameValues() {
    RecordPayloads first = new RecordPayloads(7);
    RecordPayloads second = new RecordPayloads(7);

    assertThat(first.nextValue()).isEqualTo(second.nextValue());
    assertThat(first.nextValue()).isEqualTo(second.nextValue());
  }

  @Test
  void valuesAreOneKibibyteHalfRandomHalfText() {
    RecordPayloads payloads = new RecordPayloads(7);

    byte[] one = payloads.nextValue();
    byte[] two = payloads.nextValue();

    assertThat(one).hasSize(1024);
    assertThat(Arrays.copyOfRange(one, 0, 512))
        .as("random halves differ")
        .isNotEqualTo(Arrays.copyOfRange(two, 0, 512));
    assertThat(Arrays.copyOfRange(one, 512, 1024))
        .as("text halves repeat")
        .isEqualTo(Arrays.copyOfRange(two, 512, 1024));
    assertThat(new String(one, 512, 512, StandardCharsets.US_ASCII)).startsWith("{\"event\":");
  }

  @Test
  void aKeyIsTheRecordNumber() {
    assertThat(ByteBuffer.wrap(RecordPayloads.key(123_456)).getLong()).isEqualTo(123_456);
    assertThat(RecordPayloads.key(1)).hasSize(RecordPayloads.KEY_BYTES);
  }
}
