package io.stratus.plugins.tiered.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.plugins.tiered.crypto.DataKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

  private static final byte[] TEXT =
      "the quick brown fox jumps over the lazy dog ".repeat(200).getBytes(StandardCharsets.UTF_8);
  private final DataKey key = DataKey.generate(new SecureRandom());

  @Test
  void compressesOnlyWhenItShrinksAndWhenAllowed() throws Exception {
    BlockCodec codec = new BlockCodec("seg", OptionalInt.of(3), Optional.empty());
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);

    BlockCodec.EncodedBlock text = codec.encode(TEXT, true, "log/0");
    BlockCodec.EncodedBlock random = codec.encode(noise, true, "log/1");
    BlockCodec.EncodedBlock skipped = codec.encode(TEXT, false, "log/2");

    assertThat(text.compression()).isEqualTo(BlockCompression.ZSTD);
    assertThat(text.stored().length).isLessThan(TEXT.length / 10);
    assertThat(random.compression()).isEqualTo(BlockCompression.NONE);
    assertThat(random.stored()).isEqualTo(noise);
    assertThat(skipped.compression()).isEqualTo(BlockCompression.NONE);
    assertThat(codec.decode(text.stored(), text.compression(), TEXT.length, "log/0"))
        .isEqualTo(TEXT);
  }

  @Test
  void encryptedBlocksAreBoundToSegmentNameAndCompression() throws Exception {
    BlockCodec codec = new BlockCodec("seg", OptionalInt.of(3), Optional.of(key));
    BlockCodec.EncodedBlock block = codec.encode(TEXT, true, "log/0");
    assertThat(codec.decode(block.stored(), block.compression(), TEXT.length, "log/0"))
        .isEqualTo(TEXT);

    assertThatThrownBy(
            () -> codec.decode(block.stored(), block.compression(), TEXT.length, "log/1"))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("block log/1 of segment seg failed authentication");
    assertThatThrownBy(
            () -> codec.decode(block.stored(), BlockCompression.NONE, TEXT.length, "log/0"))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("failed authentication");
    BlockCodec otherSegment = new BlockCodec("other", OptionalInt.empty(), Optional.of(key));
    assertThatThrownBy(
            () -> otherSegment.decode(block.stored(), block.compression(), TEXT.length, "log/0"))
        .isInstanceOf(SegmentFormatException.class);
  }

  @Test
  void encryptionAddsNonceAndTagOnly() {
    BlockCodec codec = new BlockCodec("seg", OptionalInt.empty(), Optional.of(key));
    BlockCodec.EncodedBlock block = codec.encode(TEXT, true, "index/offset");
    assertThat(block.stored()).hasSize(TEXT.length + DataKey.overheadBytes());
    assertThat(DataKey.overheadBytes()).isEqualTo(28);
  }

  @Test
  void wrongLengthIsReported() {
    BlockCodec codec = new BlockCodec("seg", OptionalInt.empty(), Optional.empty());
    assertThatThrownBy(() -> codec.decode(new byte[10], BlockCompression.NONE, 11, "log/4"))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("decodes to 10 bytes, but the manifest says 11");
  }
}
