package io.stratus.cli.platform;

import io.stratus.dataplane.substrate.Substrate;
import io.stratus.dataplane.substrate.TieredStorageSettings;
import io.stratus.dataplane.substrate.local.LocalSubstrate;
import io.stratus.dataplane.substrate.local.LocalSubstrateOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two local substrates of an embedded platform: one for its own system Kafka (under {@code
 * system/}) and one for tenant clusters (under {@code clusters/}), and the Kafka versions they can
 * run. Tenant clusters tier closed segments to the platform's object store; the system Kafka does
 * not.
 */
record Substrates(Substrate system, Substrate clusters) {

  /** The system Kafka holds only the platform's small state topics. */
  private static final int SYSTEM_HEAP_MB = 256;

  static Substrates create(PlatformSettings settings, Path data, ObjectStoreChoice objectStore) {
    LocalSubstrateOptions options =
        LocalSubstrateOptions.defaults(settings.kafkaHome())
            .withBrokerHeapMb(settings.brokerHeapMb())
            .withStopGrace(settings.stopGrace());
    TieredStorageSettings tiered =
        new TieredStorageSettings(
            settings.pluginsHome(),
            objectStore.location(),
            objectStore.keyFile(),
            TieredStorageSettings.DEFAULT_CACHE_BYTES_PER_NODE);
    return new Substrates(
        new LocalSubstrate(data.resolve("system"), options.withBrokerHeapMb(SYSTEM_HEAP_MB)),
        new LocalSubstrate(
            data.resolve("clusters"),
            options.withTieredStorage(tiered).withPluginDirectory(settings.pluginsHome())));
  }

  /** The versions under the Kafka home that have a {@code libs} directory. */
  static Set<String> installedKafkaVersions(Path kafkaHome) {
    if (!Files.isDirectory(kafkaHome)) {
      throw new PlatformException(
          "the Kafka runtime directory " + kafkaHome + " does not exist; build with `mvn install`");
    }
    try (Stream<Path> entries = Files.list(kafkaHome)) {
      Set<String> versions =
          entries
              .filter(p -> Files.isDirectory(p.resolve("libs")))
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new));
      if (versions.isEmpty()) {
        throw new PlatformException(
            "no Kafka version is installed under " + kafkaHome + " (expected VERSION/libs)");
      }
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + kafkaHome, e);
    }
  }

  /** The newest of the versions, compared numerically part by part. */
  static String newest(Set<String> versions) {
    return versions.stream().max(Comparator.comparing(Substrates::versionKey)).orElseThrow();
  }

  private static String versionKey(String version) {
    return Stream.of(version.split("[.-]"))
        .map(
            part ->
                part.chars().allMatch(Character::isDigit)
                    ? String.format("%08d", Integer.parseInt(part))
                    : part)
        .collect(Collectors.joining("."));
  }
}
