package io.stratus.plugins.tiered.format;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.stratus.plugins.tiered.crypto.DataKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns one block of one segment (a chunk of the log, or an index) into its stored form and back:
 * optional zstd compression, kept only when it shrinks the block, then optional AES-256-GCM sealing
 * under the segment's data key. The additional authenticated data names the segment, the block and
 * its compression, so a block cannot be swapped with another block, moved to another segment, or
 * have its compression flag changed without failing authentication. Thread-safe.
 */
public final class BlockCodec {

  private static final String AAD_DOMAIN = "stratus-tiered-storage/block/v1";

  private final String segmentId;
  private final OptionalInt compressionLevel;
  private final Optional<DataKey> dataKey;

  /**
   * @param segmentId the segment whose blocks this codec handles
   * @param compressionLevel zstd level to compress with, or empty to never compress
   * @param dataKey the segment's data key, or empty when blocks are stored in the clear
   */
  public BlockCodec(String segmentId, OptionalInt compressionLevel, Optional<DataKey> dataKey) {
    this.segmentId = segmentId;
    this.compressionLevel = compressionLevel;
    this.dataKey = dataKey;
  }

  /** True when {@link #encode} may compress. */
  public boolean compresses() {
    return compressionLevel.isPresent();
  }

  /** A stored block and how it was compressed. */
  public record EncodedBlock(byte[] stored, BlockCompression compression) {}

  /**
   * Encodes a block.
   *
   * @param plain the block's bytes
   * @param tryCompression false to skip compression (the block is known not to compress)
   * @param blockName where the block belongs within the segment, e.g. {@code log/3}
   */
  public EncodedBlock encode(byte[] plain, boolean tryCompression, String blockName) {
    byte[] body = plain;
    BlockCompression compression = BlockCompression.NONE;
    if (tryCompression && compressionLevel.isPresent() && plain.length > 0) {
      byte[] compressed = Zstd.compress(plain, compressionLevel.getAsInt());
      if (compressed.length < plain.length) {
        body = compressed;
        compression = BlockCompression.ZSTD;
      }
    }
    if (dataKey.isPresent()) {
      body = dataKey.get().seal(body, aad(blockName, compression));
    }
    return new EncodedBlock(body, compression);
  }

  /**
   * Decodes a block stored by {@link #encode} with the same {@code blockName}.
   *
   * @throws SegmentFormatException when the block does not authenticate, decompress, or have its
   *     original length
   */
  public byte[] decode(
      byte[] stored, BlockCompression compression, int originalLength, String blockName)
      throws SegmentFormatException {
    byte[] body = stored;
    if (dataKey.isPresent()) {
      try {
        body = dataKey.get().open(stored, aad(blockName, compression));
      } catch (GeneralSecurityException e) {
        throw new SegmentFormatException(
            "block "
                + blockName
                + " of segment "
                + segmentId
                + " failed authentication: it was changed or swapped after it was written",
            e);
      }
    }
    byte[] plain;
    if (compression == BlockCompression.ZSTD) {
      try {
        plain = Zstd.decompress(body, originalLength);
      } catch (ZstdException e) {
        throw new SegmentFormatException(
            "block " + blockName + " of segment " + segmentId + " is not valid zstd: " + e, e);
      }
    } else {
      plain = body;
    }
    if (plain.length != originalLength) {
      throw new SegmentFormatException(
          "block "
              + blockName
              + " of segment "
              + segmentId
              + " decodes to "
              + plain.length
              + " bytes, but the manifest says "
              + originalLength);
    }
    return plain;
  }

  /** The block name of log chunk {@code index}. */
  public static String chunkName(int index) {
    return "log/" + index;
  }

  /** The block name of an index. */
  public static String indexName(SegmentIndex index) {
    return "index/" + index.wireName();
  }

  private byte[] aad(String blockName, BlockCompression compression) {
    return (AAD_DOMAIN + "|" + segmentId + "|" + blockName + "|" + compression.wireName())
        .getBytes(StandardCharsets.UTF_8);
  }
}
