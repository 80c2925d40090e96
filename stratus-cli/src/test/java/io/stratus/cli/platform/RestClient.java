package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

  /**
   * Waits until the cluster is READY with {@code brokers} brokers and has observed at least {@code
   * version}; returns the cluster as last read.
   */
  JsonNode awaitReady(String clusterId, int brokers, long version, Duration timeout) {
    JsonNode[] last = new JsonNode[1];
    await("cluster " + clusterId + " READY with " + brokers + " brokers at version " + version)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Answer answer = get("/v1/clusters/" + clusterId);
              assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
              JsonNode cluster = answer.body();
              last[0] = cluster;
              assertThat(cluster.at("/status/phase").asText())
                  .as(cluster.at("/status/message").asText())
                  .isEqualTo("READY");
              assertThat(cluster.at("/status/observedVersion").asLong())
                  .isGreaterThanOrEqualTo(version);
              assertThat(cluster.at("/status/brokers")).hasSize(brokers);
            });
    return last[0];
  }

  /**
   * Waits until the cluster has taken up its latest spec and is READY with no lifecycle operation
   * left, so that the next change is not refused as busy (one lifecycle operation at a time).
   */
  void awaitIdle(String clusterId, Duration timeout) {
    await("cluster " + clusterId + " idle")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode cluster = get("/v1/clusters/" + clusterId).body();
              assertThat(cluster.at("/status/phase").asText())
                  .as(cluster.at("/status/message").asText())
                  .isEqualTo("READY");
              assertThat(cluster.at("/status/observedVersion").asLong())
                  .isGreaterThanOrEqualTo(cluster.path("resourceVersion").asLong());
              JsonNode operation = cluster.at("/status/operation");
              assertThat(operation.isNull() || operation.isMissingNode())
                  .as("operation " + operation)
                  .isTrue();
            });
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
