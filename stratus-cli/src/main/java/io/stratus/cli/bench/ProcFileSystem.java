package io.stratus.cli.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux's view of its processes under {@code /proc}: their command lines and memory. Processes come
 * and go while it is read; one that vanishes is simply left out. Stateless and thread-safe.
 */
final class ProcFileSystem {

  private final Path root;

  /** The machine's own {@code /proc}. */
  ProcFileSystem() {
    this(Path.of("/proc"));
  }

  /** A {@code /proc} at another place; tests lay out a fake one. */
  ProcFileSystem(Path root) {
    this.root = root;
  }

  /** Whether this looks like a Linux {@code /proc}, which the figures need. */
  boolean available() {
    return Files.isRegularFile(root.resolve("self").resolve("status"))
        || Files.isDirectory(root.resolve("1"));
  }

  /** Every process whose command line can be read now, kernel threads and zombies left out. */
  List<ProcessEntry> processes() {
    List<ProcessEntry> processes = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ProcFileSystem::isPid)) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        readCmdline(entry)
            .map(bytes -> ProcessEntry.fromCmdline(pid, bytes))
            .filter(process -> !process.arguments().isEmpty())
            .ifPresent(processes::add);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the processes in " + root, e);
    }
    return processes;
  }

  /** The memory of process {@code pid}, empty if it is gone or has none (a zombie). */
  Optional<ProcStatus> status(long pid) {
    try {
      return ProcStatus.parse(Files.readString(root.resolve(Long.toString(pid)).resolve("status")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isPid(Path entry) {
    String name = entry.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  private static Optional<byte[]> readCmdline(Path processDirectory) {
    try {
      return Optional.of(Files.readAllBytes(processDirectory.resolve("cmdline")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
