package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TieredStorageConfigTest {

  @TempDir Path directory;

  @Test
  void defaults() {
    TieredStorageConfig config = new TieredStorageConfig(required());

    assertThat(config.keyPrefix()).isEmpty();
    assertThat(config.chunkSizeBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(config.compressionLevel()).isEqualTo(OptionalInt.of(3));
    assertThat(config.encryptionKeyFile()).isEmpty();
    assertThat(config.masterKey()).isEmpty();
    assertThat(config.cacheSizeBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(config.prefetchChunks()).isEqualTo(2);
    assertThat(config.manifestCacheEntries()).isEqualTo(1000);
    assertThat(config.nodeId()).isEmpty();
    assertThat(config.objectStore().asString()).isEqualTo("file:" + directory.resolve("store"));
  }

  @Test
  void requiredSettingsAreNamedWhenMissing() {
    assertThatThrownBy(() -> new TieredStorageConfig(Map.of("cache.dir", "/tmp/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("object.store");
    assertThatThrownBy(() -> new TieredStorageConfig(Map.of("object.store", "file:/tmp/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cache.dir");
  }

  @Test
  void invalidValuesNameTheKeyAndTheRule() {
    assertThatThrownBy(() -> new TieredStorageConfig(with("object.store", "ftp://host/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("object.store")
        .hasMessageContaining("must start with file: or s3://");
    assertThatThrownBy(() -> new TieredStorageConfig(with("compression", "lz4")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("compression")
        .hasMessageContainingAll("ZSTD", "NONE");
    assertThatThrownBy(() -> new TieredStorageConfig(with("chunk.size.bytes", "100")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chunk.size.bytes")
        .hasMessageContaining("at least 1024");
    assertThatThrownBy(() -> new TieredStorageConfig(with("compression.level", "30")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("compression.level");
    assertThatThrownBy(() -> new TieredStorageConfig(with("cache.size.bytes", "4096")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cache.size.bytes")
        .hasMessageContaining("must be at least chunk.size.bytes (4194304)");
    assertThatThrownBy(() -> new TieredStorageConfig(with("key.prefix", "clusters//x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key.prefix")
        .hasMessageContaining("without empty parts");
    assertThatThrownBy(() -> new TieredStorageConfig(with("key.prefix", "../escape")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key.prefix");
  }

  @Test
  void normalizesThePrefixAndReadsTheNodeIdKafkaPasses() {
    Map<String, Object> props = with("key.prefix", "/clusters/lkc-ab12cd/");
    props.put("broker.id", 3);
    TieredStorageConfig config = new TieredStorageConfig(props);
    assertThat(config.keyPrefix()).isEqualTo("clusters/lkc-ab12cd");
    assertThat(config.nodeId()).contains("3");

    props.put("node.id", 4);
    assertThat(new TieredStorageConfig(props).nodeId()).contains("4");
    assertThat(new TieredStorageConfig(with("compression", "NONE")).compressionLevel()).isEmpty();
  }

  @Test
  void unusableKeyFileIsAConfigError() throws Exception {
    Path key = Files.write(directory.resolve("bad.key"), new byte[20]);
    TieredStorageConfig config =
        new TieredStorageConfig(with("encryption.key.file", key.toString()));

    assertThatThrownBy(config::masterKey)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("encryption.key.file")
        .hasMessageContaining("exactly 32 raw bytes");
  }

  @Test
  void badKeyFileStopsConfigureAndLeavesNothingRunning() throws Exception {
    Path key = Files.write(directory.resolve("bad.key"), new byte[20]);
    StratusRemoteStorageManager rsm = new StratusRemoteStorageManager();
    assertThatThrownBy(() -> rsm.configure(with("encryption.key.file", key.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("encryption.key.file");
    rsm.close();
  }

  private Map<String, Object> required() {
    Map<String, Object> props = new HashMap<>();
    props.put("object.store", "file:" + directory.resolve("store"));
    props.put("cache.dir", directory.resolve("cache").toString());
    return props;
  }

  private Map<String, Object> with(String key, Object value) {
    Map<String, Object> props = required();
    props.put(key, value);
    return props;
  }
}
