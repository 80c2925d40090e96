package io.stratus.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.api.ApiKeySecret;
import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequest;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceStatus;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.Problem;
import io.stratus.api.StratusJson;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.connection.Connection;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ExitCode;

/**
 * Calls the control plane's REST API v1 with a bearer key. Every failure becomes a {@link
 * StratusCliException} whose message the user can act on: a problem answer gives its detail and
 * status, an unreachable API says so. Thread-safe, as {@link HttpClient} is.
 */
public final class ApiClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int NOT_FOUND = 404;

  // Requests leave absent optional fields out rather than sending nulls.
  private static final ObjectMapper WRITER =
      StratusJson.mapper()
          .copy()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

  private final URI apiUrl;
  private final String apiKey;
  private final HttpClient http;

  public ApiClient(Connection connection) {
    this.apiUrl = connection.apiUrl();
    this.apiKey = connection.apiKey();
    this.http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1: no h2c upgrade dance with a control plane on a loopback port.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code GET /v1/clusters}. */
  public ApiResponse<ClusterList> listClusters() {
    return read(send("GET", "/v1/clusters", BodyPublishers.noBody(), "").body(), ClusterList.class);
  }

  /** {@code GET /v1/clusters/{id}}; a missing cluster is an {@link ApiProblemException}. */
  public ApiResponse<Cluster> getCluster(String id) {
    return read(send("GET", clusterPath(id), BodyPublishers.noBody(), "").body(), Cluster.class);
  }

  /** {@code GET /v1/clusters/{id}}, empty when the API answers 404. */
  public Optional<ApiResponse<Cluster>> findCluster(String id) {
    HttpResponse<String> response = exchange("GET", clusterPath(id), BodyPublishers.noBody(), "");
    if (response.statusCode() == NOT_FOUND) {
      return Optional.empty();
    }
    return Optional.of(read(requireSuccess(response).body(), Cluster.class));
  }

  /** {@code POST /v1/clusters}. */
  public ApiResponse<Cluster> createCluster(CreateClusterRequest request) {
    return read(send("POST", "/v1/clusters", json(request), "").body(), Cluster.class);
  }

  /**
   * {@code PATCH /v1/clusters/{id}} with {@code If-Match: "<expectedVersion>"}, so the change
   * applies only to the version the caller read.
   *
   * @return the changed cluster, when the API answers with it
   */
  public Optional<ApiResponse<Cluster>> patchCluster(
      String id, PatchClusterRequest patch, long expectedVersion) {
    HttpResponse<String> response =
        send("PATCH", clusterPath(id), json(patch), "\"" + expectedVersion + "\"");
    return readOptional(response.body(), Cluster.class);
  }

  /**
   * {@code POST /v1/clusters/{id}/restart}: a rolling restart, one broker at a time.
   *
   * @return the cluster asking for the restart, at its new resource version
   */
  public ApiResponse<Cluster> restartCluster(String id) {
    return read(
        send("POST", clusterPath(id) + "/restart", BodyPublishers.noBody(), "").body(),
        Cluster.class);
  }

  /**
   * {@code DELETE /v1/clusters/{id}}.
   *
   * @return the cluster being deleted, when the API answers with it
   */
  public Optional<ApiResponse<Cluster>> deleteCluster(String id) {
    HttpResponse<String> response = send("DELETE", clusterPath(id), BodyPublishers.noBody(), "");
    return readOptional(response.body(), Cluster.class);
  }

  /** {@code POST /v1/clusters/{id}/api-keys}. */
  public ApiResponse<ApiKeySecret> createApiKey(String clusterId) {
    return read(
        send("POST", clusterPath(clusterId) + "/api-keys", BodyPublishers.noBody(), "").body(),
        ApiKeySecret.class);
  }

  /** {@code GET /v1/clusters/{id}/balance}; a missing cluster is an {@link ApiProblemException}. */
  public ApiResponse<BalanceStatus> getBalance(String clusterId) {
    return read(
        send("GET", clusterPath(clusterId) + "/balance", BodyPublishers.noBody(), "").body(),
        BalanceStatus.class);
  }

  /** {@code POST /v1/clusters/{id}/balance} with {@code {"action":...}}. */
  public ApiResponse<BalanceRequestReceipt> requestBalance(String clusterId, BalanceAction action) {
    return read(
        send(
                "POST",
                clusterPath(clusterId) + "/balance",
                json(new BalanceRequest(action.wireName())),
                "")
            .body(),
        BalanceRequestReceipt.class);
  }

  private static String clusterPath(String id) {
    return "/v1/clusters/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static BodyPublisher json(Object body) {
    try {
      return BodyPublishers.ofByteArray(WRITER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body as JSON", e);
    }
  }

  private HttpResponse<String> send(
      String method, String path, BodyPublisher body, String ifMatch) {
    return requireSuccess(exchange(method, path, body, ifMatch));
  }

  private HttpResponse<String> exchange(
      String method, String path, BodyPublisher body, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json, " + Problem.MEDIA_TYPE)
            .method(method, body);
    if (!ifMatch.isEmpty()) {
      request.header("If-Match", ifMatch);
    }
    if (!"GET".equals(method) && !"DELETE".equals(method)) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new StratusCliException(
          "cannot reach the Stratus API at " + apiUrl + ": is `./stratus up` running?");
    } catch (HttpTimeoutException e) {
      throw new StratusCliException(
          "the Stratus API at " + apiUrl + " did not answer " + method + " " + path + " in time");
    } catch (IOException e) {
      throw new StratusCliException(
          method + " " + apiUrl + path + " failed: " + e.getMessage(), ExitCode.SOFTWARE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StratusCliException("interrupted while calling the Stratus API");
    }
  }

  private static HttpResponse<String> requireSuccess(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    throw new ApiProblemException(status, ProblemText.of(response.body()));
  }

  private static <T> Optional<ApiResponse<T>> readOptional(String body, Class<T> type) {
    return body == null || body.isBlank() ? Optional.empty() : Optional.of(read(body, type));
  }

  private static <T> ApiResponse<T> read(String body, Class<T> type) {
    try {
      JsonNode json = StratusJson.mapper().readTree(body);
      return new ApiResponse<>(LenientJson.reader(type).readValue(json), json);
    } catch (IOException | IllegalArgumentException e) {
      throw new StratusCliException(
          "the Stratus API answered with something that is not a "
              + type.getSimpleName()
              + ": "
              + e.getMessage());
    }
  }
}
