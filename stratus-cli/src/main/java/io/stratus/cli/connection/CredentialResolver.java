package io.stratus.cli.connection;

import io.stratus.cli.StratusCliException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ExitCode;

/**
 * Decides which API URL and key to use. Each of the two is taken from the first place that has it:
 * the command-line flag, then the environment ({@value #URL_VARIABLE}, {@value #KEY_VARIABLE}),
 * then the data directory's {@code credentials.json}. Pure apart from reading that file, and only
 * when a flag or variable leaves something open.
 */
public final class CredentialResolver {

  /** The environment variable that supplies the API URL. */
  public static final String URL_VARIABLE = "STRATUS_API_URL";

  /** The environment variable that supplies the API key. */
  public static final String KEY_VARIABLE = "STRATUS_API_KEY";

  private CredentialResolver() {}

  /**
   * The connection to use.
   *
   * @param flagUrl the {@code --api-url} value, if given
   * @param flagKey the {@code --api-key} value, if given
   * @param variables the process environment
   * @param dataDir the data directory whose credentials file fills what is left open
   * @throws MissingCredentialsException if no source supplies the URL or the key
   * @throws StratusCliException (exit code 2) if the URL is not an http(s) URL
   */
  public static Connection resolve(
      Optional<String> flagUrl,
      Optional<String> flagKey,
      Map<String, String> variables,
      Path dataDir) {
    Optional<String> url = given(flagUrl).or(() -> variable(variables, URL_VARIABLE));
    Optional<String> key = given(flagKey).or(() -> variable(variables, KEY_VARIABLE));
    if (url.isEmpty() || key.isEmpty()) {
      Optional<Credentials> file = CredentialsFile.read(dataDir);
      url = url.or(() -> file.flatMap(Credentials::url));
      key = key.or(() -> file.flatMap(Credentials::key));
    }
    if (url.isEmpty() || key.isEmpty()) {
      throw new MissingCredentialsException(
          url.isEmpty() ? "API URL" : "API key", CredentialsFile.in(dataDir));
    }
    return new Connection(parseUrl(url.get()), key.get());
  }

  private static Optional<String> variable(Map<String, String> variables, String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
  }

  private static Optional<String> given(Optional<String> flag) {
    return flag.filter(v -> !v.isBlank());
  }

  private static URI parseUrl(String text) {
    String trimmed = text.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with what is allowed
    }
    throw new StratusCliException(
        "the API URL '" + text + "' is not an http:// or https:// URL with a host", ExitCode.USAGE);
  }
}
