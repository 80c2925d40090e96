package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.cli.bench.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench's own temporary directory: the cluster, the object stores, the master key and the
 * segments uploaded in-process all live under it. Stateless apart from its path; thread-safe.
 *
 * @param root the directory
 */
record WorkDirectory(Path root) {

  /** A new, empty directory under the system's temporary directory. */
  static WorkDirectory create() {
    try {
      return new WorkDirectory(Files.createTempDirectory("stratus-bench-tiered-").toRealPath());
    } catch (IOException e) {
      throw new StratusCliException(
          "cannot create a temporary directory ("
              + e.getMessage()
              + "); set -Djava.io.tmpdir to a writable directory with room for the data");
    }
  }

  /** {@code name} under the root, created if missing. */
  Path directory(String name) {
    Path directory = root.resolve(name);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StratusCliException("cannot create " + directory + ": " + e.getMessage());
    }
  }

  /** Bytes free on the file system of the root. */
  long usableBytes() {
    try {
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Deletes the directory and everything in it; files that vanish meanwhile are fine.
   *
   * @return whether it is gone
   */
  boolean delete() {
    return Directories.deleteRecursively(root);
  }
}
