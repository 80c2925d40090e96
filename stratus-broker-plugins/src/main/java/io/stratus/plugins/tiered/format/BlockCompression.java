package io.stratus.plugins.tiered.format;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How one stored block (a chunk of the log, or one index) was compressed. */
public enum BlockCompression {
  NONE("none"),
  ZSTD("zstd");

  private final String wireName;

  BlockCompression(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in manifests and configuration. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name.
   *
   * @throws IllegalArgumentException naming the known names
   */
  @JsonCreator
  public static BlockCompression fromWireName(String name) {
    for (BlockCompression compression : values()) {
      if (compression.wireName.equalsIgnoreCase(name)) {
        return compression;
      }
    }
    throw new IllegalArgumentException(
        "unknown compression '"
            + name
            + "'; known: "
            + Arrays.stream(values())
                .map(BlockCompression::wireName)
                .collect(Collectors.joining(", ")));
  }
}
