package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.crypto.MasterKey;
import io.stratus.plugins.tiered.format.BlockCompression;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of {@link StratusRemoteStorageManager}: the broker's {@code rsm.config.*}
 * settings with the prefix removed, plus the {@code node.id} / {@code broker.id} Kafka adds.
 * Validation failures are {@link ConfigException}s naming the key, the value and the rule.
 * Immutable; thread-safe.
 */
public final class TieredStorageConfig extends AbstractConfig {

  public static final String OBJECT_STORE = "object.store";
  public static final String KEY_PREFIX = "key.prefix";
  public static final String CHUNK_SIZE_BYTES = "chunk.size.bytes";
  public static final String COMPRESSION = "compression";
  public static final String COMPRESSION_LEVEL = "compression.level";
  public static final String ENCRYPTION_KEY_FILE = "encryption.key.file";
  public static final String CACHE_DIR = "cache.dir";
  public static final String CACHE_SIZE_BYTES = "cache.size.bytes";
  public static final String PREFETCH_CHUNKS = "prefetch.chunks";
  public static final String MANIFEST_CACHE_ENTRIES = "manifest.cache.entries";

  public static final int DEFAULT_CHUNK_SIZE_BYTES = 4 * 1024 * 1024;
  public static final long DEFAULT_CACHE_SIZE_BYTES = 512L * 1024 * 1024;

  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              OBJECT_STORE,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              TieredStorageConfig::validateObjectStore,
              Importance.HIGH,
              "Where segments are stored: file:DIR, or s3://bucket[/prefix]?endpoint=URL&region=R.")
          .define(
              KEY_PREFIX,
              Type.STRING,
              "",
              TieredStorageConfig::validateKeyPrefix,
              Importance.MEDIUM,
              "Prefix of every object key, '/'-separated, e.g. clusters/lkc-ab12cd.")
          .define(
              CHUNK_SIZE_BYTES,
              Type.INT,
              DEFAULT_CHUNK_SIZE_BYTES,
              Range.between(1024, 256 * 1024 * 1024),
              Importance.MEDIUM,
              "Segments are stored in chunks of this size, the unit of ranged reads and caching.")
          .define(
              COMPRESSION,
              Type.STRING,
              BlockCompression.ZSTD.wireName(),
              ConfigDef.CaseInsensitiveValidString.in(
                  BlockCompression.ZSTD.wireName(), BlockCompression.NONE.wireName()),
              Importance.MEDIUM,
              "Compression of stored chunks. Chunks mostly made of compressed batches are never"
                  + " compressed again, nor chunks compression does not shrink.")
          .define(
              COMPRESSION_LEVEL,
              Type.INT,
              3,
              Range.between(1, 22),
              Importance.LOW,
              "zstd compression level.")
          .define(
              ENCRYPTION_KEY_FILE,
              Type.STRING,
              null,
              Importance.HIGH,
              "File holding the AES-256 master key (32 raw bytes, or base64 of 32 bytes). When"
                  + " set, every stored chunk and index is encrypted.")
          .define(
              CACHE_DIR,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Local directory for the chunk cache and upload staging, owned by this broker and"
                  + " emptied at start.")
          .define(
              CACHE_SIZE_BYTES,
              Type.LONG,
              DEFAULT_CACHE_SIZE_BYTES,
              Range.atLeast(0),
              Importance.MEDIUM,
              "Most bytes of decoded chunks kept in cache.dir; at least one chunk.")
          .define(
              PREFETCH_CHUNKS,
              Type.INT,
              2,
              Range.between(0, 64),
              Importance.LOW,
              "Chunks loaded ahead of a reader after each chunk it reads; 0 turns prefetch off.")
          .define(
              MANIFEST_CACHE_ENTRIES,
              Type.INT,
              1000,
              Range.atLeast(0),
              Importance.LOW,
              "Segment manifests kept in memory.");

  public TieredStorageConfig(Map<?, ?> properties) {
    super(DEFINITION, properties, false);
    if (cacheSizeBytes() < chunkSizeBytes()) {
      throw new ConfigException(
          CACHE_SIZE_BYTES,
          cacheSizeBytes(),
          "must be at least "
              + CHUNK_SIZE_BYTES
              + " ("
              + chunkSizeBytes()
              + "): the cache holds whole chunks");
    }
  }

  /** The settings and their documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  public ObjectStoreLocation objectStore() {
    return ObjectStoreLocation.parse(getString(OBJECT_STORE));
  }

  /** The key prefix without leading or trailing '/', possibly empty. */
  public String keyPrefix() {
    return trimSlashes(getString(KEY_PREFIX));
  }

  public int chunkSizeBytes() {
    return getInt(CHUNK_SIZE_BYTES);
  }

  /** The zstd level to compress with, or empty when compression is off. */
  public OptionalInt compressionLevel() {
    BlockCompression compression = BlockCompression.fromWireName(getString(COMPRESSION));
    return compression == BlockCompression.NONE
        ? OptionalInt.empty()
        : OptionalInt.of(getInt(COMPRESSION_LEVEL));
  }

  public Optional<Path> encryptionKeyFile() {
    return Optional.ofNullable(getString(ENCRYPTION_KEY_FILE))
        .filter(s -> !s.isBlank())
        .map(Path::of);
  }

  /**
   * Reads the master key when encryption is on.
   *
   * @throws ConfigException naming {@value #ENCRYPTION_KEY_FILE} when the file is unusable
   */
  public Optional<MasterKey> masterKey() {
    return encryptionKeyFile()
        .map(
            file -> {
              try {
                return MasterKey.readFile(file);
              } catch (IllegalArgumentException e) {
                throw new ConfigException(ENCRYPTION_KEY_FILE, file.toString(), e.getMessage());
              }
            });
  }

  public Path cacheDir() {
    return Path.of(getString(CACHE_DIR)).toAbsolutePath().normalize();
  }

  public long cacheSizeBytes() {
    return getLong(CACHE_SIZE_BYTES);
  }

  public int prefetchChunks() {
    return getInt(PREFETCH_CHUNKS);
  }

  public int manifestCacheEntries() {
    return getInt(MANIFEST_CACHE_ENTRIES);
  }

  /**
   * The broker's node id, from {@code node.id} or else {@code broker.id}, when Kafka passed one.
   */
  public Optional<String> nodeId() {
    Object id = originals().get("node.id");
    if (id == null) {
      id = originals().get("broker.id");
    }
    return Optional.ofNullable(id).map(String::valueOf).filter(s -> !s.isBlank());
  }

  private static void validateObjectStore(String name, Object value) {
    if (value == null) {
      return; // "missing required" is reported by ConfigDef itself
    }
    try {
      ObjectStoreLocation.parse(value.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }

  private static void validateKeyPrefix(String name, Object value) {
    String prefix = trimSlashes(value == null ? "" : value.toString());
    if (prefix.isEmpty()) {
      return;
    }
    for (String part : prefix.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")) {
        throw new ConfigException(
            name,
            value,
            "must be '/'-separated names without empty parts, '.', '..' or '\\', e.g."
                + " clusters/lkc-ab12cd");
      }
    }
  }

  private static String trimSlashes(String prefix) {
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return prefix.substring(start, end);
  }
}
