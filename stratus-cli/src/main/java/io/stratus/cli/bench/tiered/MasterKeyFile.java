package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import io.stratus.plugins.tiered.crypto.MasterKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Writes a fresh AES-256 master key for the bench's encrypted runs: base64 of 32 random bytes,
 * readable by its owner only, as the tiered-storage plugin reads it. Stateless; thread-safe.
 */
final class MasterKeyFile {

  private MasterKeyFile() {}

  /** Creates {@code file} holding a new key; returns it. */
  static Path generate(Path file, SecureRandom random) {
    try {
      MasterKey.writeNewKeyFile(file, random);
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
