package io.stratus.cli.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stratus.api.StratusJson;
import io.stratus.plugins.tiered.crypto.MasterKey;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Where a platform's clusters tier their segments, and whether they are encrypted: the {@code
 * stratus up} flags resolved against the data directory.
 *
 * <p>The first start records the choice in {@code object-store.json}; later starts must make the
 * same one, since the clusters' tiered data lives there and can only be read with the same key.
 * Data leaving the machine is encrypted unless turned off; a local directory is not, unless turned
 * on. Without {@code --object-store-key-file}, the master key is generated once into {@code
 * object-store.key} (owner-only) in the data directory.
 *
 * @param location where segments go
 * @param keyFile the master key file when segments are encrypted
 */
public record ObjectStoreChoice(ObjectStoreLocation location, Optional<Path> keyFile) {

  static final String RECORD_FILE = "object-store.json";
  static final String GENERATED_KEY_FILE = "object-store.key";
  static final String DEFAULT_DIRECTORY = "object-store";

  /** What the first start chose, as {@code object-store.json} keeps it. */
  record Recorded(String location, boolean encrypted) {}

  /**
   * Resolves the flags.
   *
   * @param data the data directory
   * @param location {@code --object-store}, if given
   * @param encryption {@code --object-store-encryption} ({@code on}/{@code off}), if given
   * @param keyFile {@code --object-store-key-file}, if given
   * @throws PlatformException naming the flag and what is allowed
   */
  static ObjectStoreChoice resolve(
      Path data, Optional<String> location, Optional<String> encryption, Optional<Path> keyFile) {
    ObjectStoreLocation where;
    try {
      where =
          ObjectStoreLocation.parse(
              location.orElse("file:" + data.resolve(DEFAULT_DIRECTORY).toAbsolutePath()));
    } catch (IllegalArgumentException e) {
      throw new PlatformException("--object-store: " + e.getMessage());
    }
    boolean encrypted = encrypted(where, encryption, keyFile);
    Recorded chosen = new Recorded(where.asString(), encrypted);
    requireSameAsBefore(data, chosen);
    Optional<Path> key = Optional.empty();
    if (encrypted) {
      key =
          Optional.of(
              keyFile.map(ObjectStoreChoice::requireKeyFile).orElseGet(() -> generated(data)));
    }
    record(data, chosen);
    return new ObjectStoreChoice(where, key);
  }

  private static boolean encrypted(
      ObjectStoreLocation where, Optional<String> encryption, Optional<Path> keyFile) {
    if (encryption.isEmpty()) {
      return where.isRemote() || keyFile.isPresent();
    }
    switch (encryption.get()) {
      case "on":
        return true;
      case "off":
        if (keyFile.isPresent()) {
          throw new PlatformException(
              "--object-store-key-file was given with --object-store-encryption off; drop one");
        }
        return false;
      default:
        throw new PlatformException(
            "--object-store-encryption must be on or off, got '" + encryption.get() + "'");
    }
  }

  private static void requireSameAsBefore(Path data, Recorded chosen) {
    Path file = data.resolve(RECORD_FILE);
    if (!Files.exists(file)) {
      return;
    }
    Recorded before;
    try {
      before = StratusJson.mapper().readValue(file.toFile(), Recorded.class);
    } catch (IOException e) {
      throw new PlatformException("cannot read " + file + ": " + e.getMessage());
    }
    if (!before.location().equals(chosen.location())) {
      throw new PlatformException(
          "this data directory's clusters keep their tiered data in "
              + before.location()
              + "; start with --object-store "
              + before.location()
              + " (or use a new --data-dir)");
    }
    if (before.encrypted() != chosen.encrypted()) {
      throw new PlatformException(
          "this data directory's tiered data is "
              + (before.encrypted() ? "encrypted" : "not encrypted")
              + "; start with --object-store-encryption "
              + (before.encrypted() ? "on" : "off")
              + " (or use a new --data-dir)");
    }
  }

  private static void record(Path data, Recorded chosen) {
    try {
      Files.write(
          data.resolve(RECORD_FILE),
          StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(chosen));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + data.resolve(RECORD_FILE), e);
    }
  }

  private static Path requireKeyFile(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isReadable(absolute)) {
      throw new PlatformException(
          "--object-store-key-file " + absolute + " does not exist or cannot be read");
    }
    return absolute;
  }

  /** The generated key in the data directory, created with mode 0600 on first use. */
  private static Path generated(Path data) {
    Path file = data.resolve(GENERATED_KEY_FILE).toAbsolutePath();
    if (Files.exists(file)) {
      return file;
    }
    try {
      MasterKey.writeNewKeyFile(file, new SecureRandom());
    } catch (FileAlreadyExistsException e) {
      return file;
    } catch (UnsupportedOperationException e) {
      throw new PlatformException(
          "cannot create "
              + file
              + " readable by its owner only on this file system; give a key with"
              + " --object-store-key-file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** For messages: where, and whether encrypted. */
  String describe() {
    return location.asString() + (keyFile.isPresent() ? " (encrypted)" : " (not encrypted)");
  }
}
