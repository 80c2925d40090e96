package io.stratus.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One answer of the API, both as a value and as the JSON the API sent, so that {@code --output
 * json} shows exactly what the API said, fields the CLI does not know included.
 *
 * @param value the answer read as a Stratus record
 * @param json the answer as sent
 */
public record ApiResponse<T>(T value, JsonNode json) {

  public ApiResponse {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(json, "json");
  }
}
