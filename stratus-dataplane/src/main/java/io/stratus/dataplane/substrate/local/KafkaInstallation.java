package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka runtimes installed under a Kafka home: one {@code <version>/libs/*.jar} directory per
 * version. Stateless and thread-safe.
 */
final class KafkaInstallation {

  private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]*");

  private final Path home;

  KafkaInstallation(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** The jars directory of this version; fails, naming the installed versions, if it is absent. */
  Path libs(String version) {
    Path libs = home.resolve(version).resolve("libs");
    if (VERSION.matcher(version).matches() && hasJars(libs)) {
      return libs;
    }
    throw new SubstrateException(
        "Kafka "
            + version
            + " is not installed under "
            + home
            + " (no jars in "
            + libs
            + "); installed versions: "
            + installedVersions()
            + ". Use one of those, or build stratus-kafka-dist for this version.");
  }

  /** The classpath that loads every jar of this version, as {@code java -cp} takes it. */
  String classpath(String version) {
    return libs(version) + "/*";
  }

  /** The versions that have a non-empty {@code libs} directory, sorted. */
  List<String> installedVersions() {
    if (!Files.isDirectory(home)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(home)) {
      return versions
          .filter(dir -> hasJars(dir.resolve("libs")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new SubstrateException("cannot list Kafka versions in " + home + ": " + e, e);
    }
  }

  private static boolean hasJars(Path libs) {
    if (!Files.isDirectory(libs)) {
      return false;
    }
    try (Stream<Path> files = Files.list(libs)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".jar"));
    } catch (IOException e) {
      return false;
    }
  }
}
