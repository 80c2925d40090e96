package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Writes a fresh AES-256 master key for the bench's encrypted runs: base64 of 32 random bytes,
 * readable by its owner only, as the tiered-storage plugin reads it. Stateless; thread-safe.
 */
final class MasterKeyFile {

  private static final int KEY_BYTES = 32;

  private MasterKeyFile() {}

  /** Creates {@code file} holding a new key; returns it. */
  static Path generate(Path file, SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, Base64.getEncoder().encode(key));
      return file;
    } catch (UnsupportedOperationException | IOException e) {
      throw new StratusCliException(
          "cannot write the master key file "
              + file
              + " ("
              + e
              + "); run the bench with --encryption off, or with -Djava.io.tmpdir on a POSIX"
              + " file system");
    }
  }
}
