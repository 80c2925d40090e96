package io.stratus.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a run's temporary directory. Stateless and thread-safe. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code directory} and everything in it; files that vanish meanwhile are fine.
   *
   * @return whether it is gone
   */
  public static boolean deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Directories::delete);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
    return !Files.exists(directory);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (NoSuchFileException e) {
      // Already gone.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
