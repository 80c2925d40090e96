package io.stratus.cli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tiered storage with {@code stratus up}'s default object store: a directory in the data directory,
 * not encrypted (the data stays on this machine).
 */
class FileTieredStorageE2E extends TieredStorageScenario {

  @Override
  List<String> objectStoreArguments() {
    return List.of();
  }

  @Override
  Map<String, String> objectStoreEnvironment() {
    return Map.of();
  }

  @Override
  Map<String, Long> storedObjects() throws Exception {
    Path root = data.resolve("object-store").resolve("clusters").resolve(clusterId);
    Map<String, Long> objects = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return objects;
    }
    for (Path file : filesUnder(root)) {
      objects.put(root.relativize(file).toString(), Files.size(file));
    }
    return objects;
  }
}
