package io.stratus.plugins.tiered;

import io.stratus.plugins.tiered.format.ManifestCodec;
import io.stratus.plugins.tiered.format.SegmentFormatException;
import io.stratus.plugins.tiered.format.SegmentManifest;
import io.stratus.plugins.tiered.format.SegmentObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.apache.kafka.server.log.remote.storage.RemoteStorageException;

/**
 * A configured {@link StratusRemoteStorageManager} over a directory store wrapped in a {@link
 * FaultyObjectStore}, with small chunks so short test segments span many of them.
 */
final class RsmHarness implements AutoCloseable {

  static final int CHUNK_SIZE = 8192;
  private static final AtomicInteger NODE_IDS = new AtomicInteger(100);

  final Path storeDir;
  final Path cacheDir;
  final String nodeId;
  final StratusRemoteStorageManager rsm;
  final FaultyObjectStore store;

  private RsmHarness(
      Path storeDir,
      Path cacheDir,
      String nodeId,
      StratusRemoteStorageManager rsm,
      FaultyObjectStore store) {
    this.storeDir = storeDir;
    this.cacheDir = cacheDir;
    this.nodeId = nodeId;
    this.rsm = rsm;
    this.store = store;
  }

  /** A manager storing under {@code root/store}, caching under {@code root/cache}. */
  static RsmHarness start(Path root, Map<String, ?> overrides) {
    Path storeDir = root.resolve("store");
    Path cacheDir = root.resolve("cache");
    String nodeId = String.valueOf(NODE_IDS.incrementAndGet());
    Map<String, Object> config = new HashMap<>();
    config.put("object.store", "file:" + storeDir);
    config.put("cache.dir", cacheDir.toString());
    config.put("chunk.size.bytes", CHUNK_SIZE);
    config.put("cache.size.bytes", 64L * CHUNK_SIZE);
    config.put("key.prefix", "clusters/lkc-test01");
    config.put("broker.id", Integer.valueOf(nodeId));
    config.put("node.id", Integer.valueOf(nodeId));
    config.putAll(overrides);
    AtomicReference<FaultyObjectStore> store = new AtomicReference<>();
    StratusRemoteStorageManager rsm =
        new StratusRemoteStorageManager(
            Clock.systemUTC(),
            new SecureRandom(),
            location -> {
              store.set(new FaultyObjectStore(location.open()));
              return store.get();
            });
    rsm.configure(config);
    return new RsmHarness(storeDir, cacheDir, nodeId, rsm, store.get());
  }

  static RsmHarness start(Path root) {
    return start(root, Map.of());
  }

  SegmentObjectKeys keys(RemoteLogSegmentMetadata metadata) {
    return SegmentObjectKeys.of("clusters/lkc-test01", metadata);
  }

  SegmentManifest manifest(RemoteLogSegmentMetadata metadata)
      throws IOException, SegmentFormatException {
    String key = keys(metadata).manifest();
    return new ManifestCodec().read(Files.readAllBytes(storeDir.resolve(key)), key);
  }

  Path storedFile(String key) {
    return storeDir.resolve(key);
  }

  List<Path> storedFiles() throws IOException {
    if (!Files.exists(storeDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(storeDir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  byte[] fetch(RemoteLogSegmentMetadata metadata, int start, int end)
      throws RemoteStorageException, IOException {
    try (InputStream in = rsm.fetchLogSegment(metadata, start, end)) {
      return in.readAllBytes();
    }
  }

  /** A metric of the manager's own JMX registry, e.g. {@code upload-bytes-total}. */
  double metric(String name) {
    return metric(name, "");
  }

  double metric(String name, String extraTags) {
    try {
      Object value =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new ObjectName(
                      "kafka.server:type=remote-storage-manager-metrics,node-id="
                          + nodeId
                          + extraTags),
                  name);
      return ((Number) value).doubleValue();
    } catch (JMException e) {
      throw new AssertionError("no metric " + name + extraTags + " on JMX", e);
    }
  }

  @Override
  public void close() {
    rsm.close();
  }
}
