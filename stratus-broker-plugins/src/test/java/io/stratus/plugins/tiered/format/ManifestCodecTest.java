package io.stratus.plugins.tiered.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

  private static final String KEY = "p/orders-x/3/00000000000000001000-seg.manifest";
  private final ManifestCodec codec = new ManifestCodec();

  static SegmentManifest sample(EncryptionInfo encryption) {
    return new SegmentManifest(
        ManifestCodec.CURRENT_VERSION,
        new SegmentIdentity("orders", "mEtSxnDGQfyXu0EWi1pQKg", 3, "seg", 1000, 1999),
        "2025-01-01T00:00:00Z",
        6000,
        4100,
        4096,
        List.of(
            new ChunkEntry(0, 4096, 0, 3000, BlockCompression.ZSTD),
            new ChunkEntry(4096, 1904, 3000, 1100, BlockCompression.NONE)),
        List.of(
            new IndexEntry(SegmentIndex.OFFSET, 800, 0, 200, BlockCompression.ZSTD),
            new IndexEntry(SegmentIndex.LEADER_EPOCH, 20, 200, 20, BlockCompression.NONE)),
        encryption);
  }

  @Test
  void roundTripsWithAndWithoutEncryption() throws Exception {
    for (EncryptionInfo encryption :
        List.of(
            new EncryptionInfo.None(),
            new EncryptionInfo.Aes256Gcm(
                "AES-256-GCM", "d3JhcHBlZA==", "sha256:0011223344556677"))) {
      SegmentManifest manifest = sample(encryption);
      assertThat(codec.read(codec.write(manifest), KEY)).isEqualTo(manifest);
    }
  }

  @Test
  void jsonNamesAreStable() {
    String json =
        new String(
            codec.write(
                sample(new EncryptionInfo.Aes256Gcm("AES-256-GCM", "d3JhcHBlZA==", "sha256:00"))),
            StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"version\":1,")
        .contains("\"compression\":\"zstd\"", "\"type\":\"leader-epoch\"")
        .contains("\"encryption\":{\"algorithm\":\"AES-256-GCM\",\"keyWrap\":\"AES-256-GCM\"");
  }

  @Test
  void newerVersionIsRejectedWithAnUpgradeHint() {
    assertThatThrownBy(() -> codec.read(json("{\"version\":2,\"segment\":{}}"), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining(KEY)
        .hasMessageContaining("format version 2, but this plugin reads versions 1 to 1")
        .hasMessageContaining("upgrade the Stratus broker plugin");
  }

  @Test
  void missingOrImpossibleVersionIsRejected() {
    assertThatThrownBy(() -> codec.read(json("{\"segment\":{}}"), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("no integer 'version' field");
    assertThatThrownBy(() -> codec.read(json("{\"version\":0}"), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("version 0, which has never existed");
    assertThatThrownBy(() -> codec.read(json("not json"), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void fieldsAddedLaterAreIgnoredAndFieldsMissingInOlderManifestsGetDefaults() throws Exception {
    String older =
        "{\"version\":1,\"segment\":{\"topic\":\"t\",\"topicId\":\"id\",\"partition\":0,"
            + "\"segmentId\":\"seg\",\"startOffset\":0,\"endOffset\":9},"
            + "\"originalSize\":10,\"storedSize\":10,\"chunkSize\":4096,"
            + "\"chunks\":[{\"originalOffset\":0,\"originalLength\":10,\"storedOffset\":0,"
            + "\"storedLength\":10,\"compression\":\"none\",\"checksum\":\"added-later\"}],"
            + "\"someFutureField\":{\"nested\":true}}";

    SegmentManifest manifest = codec.read(json(older), KEY);

    assertThat(manifest.encryption()).isEqualTo(new EncryptionInfo.None());
    assertThat(manifest.indexes()).isEmpty();
    assertThat(manifest.createdAt()).isEmpty();
    assertThat(manifest.chunks()).hasSize(1);
  }

  @Test
  void unknownAlgorithmsAndInconsistentChunksAreRejected() {
    String unknownEncryption =
        new String(codec.write(sample(new EncryptionInfo.None())), StandardCharsets.UTF_8)
            .replace("\"algorithm\":\"none\"", "\"algorithm\":\"ROT13\"");
    assertThatThrownBy(() -> codec.read(json(unknownEncryption), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("ROT13");

    String unknownCompression =
        new String(codec.write(sample(new EncryptionInfo.None())), StandardCharsets.UTF_8)
            .replace("\"compression\":\"zstd\"", "\"compression\":\"brotli\"");
    assertThatThrownBy(() -> codec.read(json(unknownCompression), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("unknown compression 'brotli'; known: none, zstd");

    String gap =
        new String(codec.write(sample(new EncryptionInfo.None())), StandardCharsets.UTF_8)
            .replace("\"originalOffset\":4096", "\"originalOffset\":4000");
    assertThatThrownBy(() -> codec.read(json(gap), KEY))
        .isInstanceOf(SegmentFormatException.class)
        .hasMessageContaining("chunk 1 starts at 4000, expected 4096");
  }

  @Test
  void findsTheChunkHoldingAPosition() {
    SegmentManifest manifest = sample(new EncryptionInfo.None());
    assertThat(manifest.chunkAt(0)).isZero();
    assertThat(manifest.chunkAt(4095)).isZero();
    assertThat(manifest.chunkAt(4096)).isEqualTo(1);
    assertThat(manifest.chunkAt(5999)).isEqualTo(1);
    assertThatThrownBy(() -> manifest.chunkAt(6000)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
