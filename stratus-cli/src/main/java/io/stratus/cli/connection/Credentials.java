package io.stratus.cli.connection;

import java.util.Optional;

/**
 * The content of {@code credentials.json}: where the API is and the key to call it with. Either may
 * be absent in a hand-written file.
 *
 * @param apiUrl the base URL of the control plane, e.g. {@code http://127.0.0.1:7070}
 * @param apiKey the REST API key, sent as {@code Authorization: Bearer <apiKey>}
 */
public record Credentials(String apiUrl, String apiKey) {

  /** The URL, unless absent or blank. */
  public Optional<String> url() {
    return present(apiUrl);
  }

  /** The key, unless absent or blank. */
  public Optional<String> key() {
    return present(apiKey);
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
