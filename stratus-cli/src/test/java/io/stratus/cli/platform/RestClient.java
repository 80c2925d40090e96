package io.stratus.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST API as a test talks to it: raw status codes and JSON. Test support. */
final class RestClient {

  /** One answer. */
  record Answer(int status, String contentType, JsonNode body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String apiKey;

  RestClient(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  RestClient withKey(String key) {
    return new RestClient(base, key);
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, json, null);
  }

  Answer patch(String path, String json, String ifMatch) throws IOException, InterruptedException {
    return send("PATCH", path, json, ifMatch);
  }

  Answer delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, null, null);
  }

  private Answer send(String method, String path, String json, String ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body =
        response.body().isBlank()
            ? StratusJson.mapper().nullNode()
            : StratusJson.mapper().readTree(response.body());
    return new Answer(
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
  }
}
