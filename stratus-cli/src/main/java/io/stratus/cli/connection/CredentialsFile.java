package io.stratus.cli.connection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stratus.api.StratusJson;
import io.stratus.cli.StratusCliException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import picocli.CommandLine.ExitCode;

/**
 * Reads and writes {@code credentials.json} in a data directory: {@code {"apiUrl": "...", "apiKey":
 * "..."}}, readable by its owner only. Stateless and thread-safe.
 */
public final class CredentialsFile {

  /** The file's name inside the data directory. */
  public static final String NAME = "credentials.json";

  // Hand-written files may carry notes or future fields; they must not stop the CLI.
  private static final ObjectReader READER =
      StratusJson.mapper()
          .readerFor(Credentials.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CredentialsFile() {}

  /** The path of the credentials file in {@code dataDir}. */
  public static Path in(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /**
   * The credentials stored in {@code dataDir}, or empty if it has no credentials file.
   *
   * @throws StratusCliException (exit code 2) if the file exists but cannot be read as credentials
   */
  public static Optional<Credentials> read(Path dataDir) {
    Path file = in(dataDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(READER.readValue(file.toFile()));
    } catch (IOException e) {
      throw new StratusCliException(
          "cannot read " + file + ": " + e.getMessage(), ExitCode.USAGE, e);
    }
  }

  /**
   * Writes {@code credentials} to {@code dataDir} (creating it), readable and writable by the owner
   * only where the file system has POSIX permissions. The file is replaced atomically, so a reader
   * never sees half of it.
   */
  public static void write(Path dataDir, Credentials credentials) throws IOException {
    Files.createDirectories(dataDir);
    Path target = in(dataDir);
    Path temporary = dataDir.resolve(NAME + ".tmp");
    Files.deleteIfExists(temporary);
    createOwnerOnly(temporary);
    Files.write(
        temporary,
        StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process is writing " + file, e);
    }
  }
}
