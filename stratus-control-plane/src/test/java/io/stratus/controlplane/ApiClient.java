package io.stratus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.Problem;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small client of the REST API for tests, over a real socket. */
final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final Optional<String> token;

  ApiClient(URI base, Optional<String> token) {
    this.base = base;
    this.token = token;
  }

  ApiClient withToken(String other) {
    return new ApiClient(base, Optional.of(other));
  }

  ApiClient withoutToken() {
    return new ApiClient(base, Optional.empty());
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body);
  }

  HttpResponse<String> patch(String path, String body, String... headers) {
    return send("PATCH", path, body, headers);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static <T> T body(HttpResponse<String> response, int status, Class<T> type) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    try {
      return StratusJson.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Problem problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
    try {
      Problem problem = StratusJson.mapper().readValue(response.body(), Problem.class);
      assertThat(problem.status()).isEqualTo(status);
      assertThat(problem.type()).startsWith("https://stratus.dev/problems/");
      assertThat(problem.title()).isNotBlank();
      assertThat(problem.detail()).isNotBlank();
      return problem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
