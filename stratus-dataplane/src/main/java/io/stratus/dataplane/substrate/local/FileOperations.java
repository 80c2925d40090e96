package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Atomic file writes and recursive deletes. Stateless and thread-safe. */
final class FileOperations {

  private FileOperations() {}

  /**
   * Replaces {@code target} with {@code content} so that readers see the old or the new file, never
   * a part. With {@code ownerOnly} the file is readable and writable by its owner only, from the
   * moment it exists.
   */
  static void writeAtomically(Path target, String content, boolean ownerOnly) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp =
          Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attributes(ownerOnly));
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
          channel.force(true);
        }
        if (!ownerOnly && supportsPosix()) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new SubstrateException(
          "cannot write " + target + ": " + e + ". Check that the directory is writable.", e);
    }
  }

  /** Deletes the directory and everything in it; does nothing if it does not exist. */
  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw new SubstrateException(
          "cannot delete " + dir + ": " + e + ". Remove it by hand once nothing uses it.", e);
    }
  }

  private static FileAttribute<?>[] attributes(boolean ownerOnly) {
    if (!ownerOnly || !supportsPosix()) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static boolean supportsPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
