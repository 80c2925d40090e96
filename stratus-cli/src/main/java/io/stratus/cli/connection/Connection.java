package io.stratus.cli.connection;

import java.net.URI;
import java.util.Objects;

/**
 * A resolved way to reach the API.
 *
 * @param apiUrl the control plane's base URL, without a trailing slash
 * @param apiKey the REST API key
 */
public record Connection(URI apiUrl, String apiKey) {

  public Connection {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(apiKey, "apiKey");
  }
}
