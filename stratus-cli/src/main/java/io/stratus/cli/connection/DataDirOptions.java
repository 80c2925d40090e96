package io.stratus.cli.connection;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir} option: where a run of the platform keeps everything it writes, {@code
 * credentials.json} included. A picocli mixin; add it to a command with {@code @Mixin}.
 */
public final class DataDirOptions {

  /** The data directory when {@code --data-dir} is not given. */
  public static final String DEFAULT = "./stratus-data";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = DEFAULT,
      description =
          "Data directory of the local platform, with its credentials.json (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  /** The data directory, as given (relative paths are relative to the working directory). */
  public Path dataDir() {
    return dataDir;
  }

  /** Where {@code credentials.json} lives in the data directory. */
  public Path credentialsFile() {
    return CredentialsFile.in(dataDir);
  }
}
