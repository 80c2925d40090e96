package io.stratus.cli.connection;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every API client command shares: {@code --api-url}, {@code --api-key} and {@code
 * --data-dir}. A picocli mixin.
 */
public final class ConnectionOptions {

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "Control plane URL (default: $"
              + CredentialResolver.URL_VARIABLE
              + ", then the data"
              + " directory's credentials.json).")
  private String apiUrl;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "REST API key (default: $"
              + CredentialResolver.KEY_VARIABLE
              + ", then the data"
              + " directory's credentials.json).")
  private String apiKey;

  @Mixin private DataDirOptions dataDir = new DataDirOptions();

  /**
   * The connection these options, the environment and the credentials file describe, flag first.
   *
   * @see CredentialResolver#resolve
   */
  public Connection resolve(Map<String, String> variables) {
    return CredentialResolver.resolve(
        Optional.ofNullable(apiUrl), Optional.ofNullable(apiKey), variables, dataDir.dataDir());
  }
}
