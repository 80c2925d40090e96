package io.stratus.plugins.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.plugins.tiered.format.ChunkEntry;
import io.stratus.plugins.tiered.format.EncryptionInfo;
import io.stratus.plugins.tiered.format.SegmentManifest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;
import org.apache.kafka.server.log.remote.storage.RemoteStorageManager.IndexType;
import org.apache.kafka.server.log.remote.storage.RetriableRemoteStorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedStorageTest {

  @TempDir Path root;
  private RsmHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void noPlaintextReachesTheStoreAndEverythingReadsBack() throws Exception {
    harness = RsmHarness.start(root, encryptedWith(rawKeyFile("master.key", 1)));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 30, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());

    byte[] offsetIndex = Files.readAllBytes(segment.offsetIndex);
    for (Path stored : harness.storedFiles()) {
      byte[] content = Files.readAllBytes(stored);
      assertThat(contains(content, "customer=".getBytes(StandardCharsets.UTF_8)))
          .as("record values in %s", stored.getFileName())
          .isFalse();
      assertThat(contains(content, "key-1000".getBytes(StandardCharsets.UTF_8)))
          .as("record keys in %s", stored.getFileName())
          .isFalse();
      assertThat(contains(content, "1 1500".getBytes(StandardCharsets.UTF_8)))
          .as("leader epochs in %s", stored.getFileName())
          .isFalse();
      assertThat(contains(content, Arrays.copyOf(offsetIndex, 32)))
          .as("offset index bytes in %s", stored.getFileName())
          .isFalse();
    }
    SegmentManifest manifest = harness.manifest(metadata);
    assertThat(manifest.encryption()).isInstanceOf(EncryptionInfo.Aes256Gcm.class);
    assertThat(Files.readString(harness.storedFile(harness.keys(metadata).manifest())))
        .contains("\"algorithm\":\"AES-256-GCM\"", "\"masterKeyFingerprint\":\"sha256:");

    assertThat(harness.fetch(metadata, 0, Integer.MAX_VALUE)).isEqualTo(segment.logBytes());
    try (InputStream in = harness.rsm.fetchIndex(metadata, IndexType.OFFSET)) {
      assertThat(in.readAllBytes()).isEqualTo(offsetIndex);
    }
  }

  @Test
  void wrongOrMissingMasterKeyFailsWithAClearError() throws Exception {
    Path key = rawKeyFile("master.key", 1);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 10, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness = RsmHarness.start(root, encryptedWith(key));
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    String fingerprint =
        ((EncryptionInfo.Aes256Gcm) harness.manifest(metadata).encryption()).masterKeyFingerprint();
    harness.close();

    harness = RsmHarness.start(root, encryptedWith(base64KeyFile("other.key", 2)));
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, 0))
        .isInstanceOf(RemoteStorageException.class)
        .isNotInstanceOf(RetriableRemoteStorageException.class)
        .hasMessageContaining("is encrypted under master key " + fingerprint)
        .hasMessageContaining("but encryption.key.file holds master key sha256:");
    harness.close();

    harness = RsmHarness.start(root);
    assertThatThrownBy(() -> harness.rsm.fetchIndex(metadata, IndexType.OFFSET))
        .isInstanceOf(RemoteStorageException.class)
        .hasMessageContaining("but this broker has no encryption.key.file configured");
  }

  @Test
  void tamperedChunkFailsAuthentication() throws Exception {
    harness = RsmHarness.start(root, encryptedWith(rawKeyFile("master.key", 1)));
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.MIXED, 30, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    ChunkEntry third = harness.manifest(metadata).chunks().get(2);
    Path log = harness.storedFile(harness.keys(metadata).log());
    byte[] stored = Files.readAllBytes(log);
    stored[(int) third.storedOffset() + third.storedLength() / 2] ^= 1;
    Files.write(log, stored);

    assertThat(harness.fetch(metadata, 0, 100)).as("other chunks still read").hasSize(101);
    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, (int) third.originalOffset()))
        .isInstanceOf(RemoteStorageException.class)
        .hasMessageContaining("block log/2 of segment " + metadata.remoteLogSegmentId().id())
        .hasMessageContaining("failed authentication");
  }

  @Test
  void swappedChunksFailAuthentication() throws Exception {
    Map<String, Object> config = encryptedWith(rawKeyFile("master.key", 1));
    config.put("compression", "none");
    harness = RsmHarness.start(root, config);
    TestSegment segment =
        TestSegment.write(root.resolve("log"), TestSegment.Batches.PLAIN, 30, true);
    RemoteLogSegmentMetadata metadata = segment.metadata();
    harness.rsm.copyLogSegmentData(metadata, segment.data());
    ChunkEntry first = harness.manifest(metadata).chunks().get(0);
    ChunkEntry second = harness.manifest(metadata).chunks().get(1);
    assertThat(first.storedLength()).isEqualTo(second.storedLength());
    Path log = harness.storedFile(harness.keys(metadata).log());
    byte[] stored = Files.readAllBytes(log);
    byte[] swapped = stored.clone();
    System.arraycopy(stored, (int) second.storedOffset(), swapped, 0, second.storedLength());
    System.arraycopy(stored, 0, swapped, (int) second.storedOffset(), first.storedLength());
    Files.write(log, swapped);

    assertThatThrownBy(() -> harness.rsm.fetchLogSegment(metadata, 0))
        .isInstanceOf(RemoteStorageException.class)
        .hasMessageContaining("block log/0")
        .hasMessageContaining("failed authentication");
  }

  private Map<String, Object> encryptedWith(Path keyFile) {
    Map<String, Object> config = new java.util.HashMap<>();
    config.put("encryption.key.file", keyFile.toString());
    return config;
  }

  private Path rawKeyFile(String name, long seed) throws Exception {
    byte[] key = new byte[32];
    new Random(seed).nextBytes(key);
    return Files.write(root.resolve(name), key);
  }

  private Path base64KeyFile(String name, long seed) throws Exception {
    byte[] key = new byte[32];
    new Random(seed).nextBytes(key);
    return Files.writeString(root.resolve(name), Base64.getEncoder().encodeToString(key) + "\n");
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
