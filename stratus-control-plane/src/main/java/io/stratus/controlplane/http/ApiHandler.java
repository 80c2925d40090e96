package io.stratus.controlplane.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stratus.api.Problem;
import io.stratus.api.StratusJson;
import io.stratus.controlplane.auth.Authentication;
import io.stratus.controlplane.auth.BearerAuthenticator;
import io.stratus.controlplane.command.Availability;
import io.stratus.controlplane.validation.Shown;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the REST API: health, then availability, authentication and routing of
 * {@code /v1} calls, and the writing of every answer as JSON or problem JSON. Never logs headers or
 * bodies, which may hold keys. Thread-safe.
 */
final class ApiHandler implements HttpHandler {

  /** The largest request body accepted. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String JSON = "application/json";

  private final Supplier<Availability> availability;
  private final BearerAuthenticator authenticator;
  private final ClusterRoutes clusters;
  private final BalanceRoutes balance;

  ApiHandler(
      Supplier<Availability> availability,
      BearerAuthenticator authenticator,
      ClusterRoutes clusters,
      BalanceRoutes balance) {
    this.availability = availability;
    this.authenticator = authenticator;
    this.clusters = clusters;
    this.balance = balance;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = respond(exchange);
      } catch (RuntimeException e) {
        LOG.error(
            "[method={} path={}] failed unexpectedly",
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            e);
        response =
            new Response.Failure(
                ProblemType.INTERNAL.problem(
                    "the control plane failed unexpectedly; the log of the control plane has"
                        + " the details"));
      }
      write(exchange, response);
      LOG.debug(
          "[method={} path={}] answered {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(),
          response.status());
    }
  }

  private Response respond(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getPath());
    if (path.equals(List.of("healthz"))) {
      return allow(method, "GET") ? health() : methodNotAllowed("GET");
    }
    if (path.isEmpty() || !path.get(0).equals("v1")) {
      return notFound(exchange.getRequestURI().getPath());
    }
    Availability now = availability.get();
    if (!now.serving()) {
      return new Response.Failure(ProblemType.UNAVAILABLE.problem(now.detail()));
    }
    Authentication authentication =
        authenticator.authenticate(
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
    if (authentication instanceof Authentication.Refused refused) {
      return new Response.Failure(
          ProblemType.UNAUTHORIZED.problem(refused.detail()),
          Map.of("WWW-Authenticate", "Bearer realm=\"stratus\""));
    }
    return route(exchange, method, path.subList(1, path.size()));
  }

  private Response route(HttpExchange exchange, String method, List<String> path)
      throws IOException {
    if (path.isEmpty() || !path.get(0).equals("clusters")) {
      return notFound(exchange.getRequestURI().getPath());
    }
    if (path.size() == 1) {
      return switch (method) {
        case "GET" -> clusters.list();
        case "POST" -> withBody(exchange, clusters::create);
        default -> methodNotAllowed("GET, POST");
      };
    }
    String id = path.get(1);
    if (path.size() == 2) {
      return switch (method) {
        case "GET" -> clusters.get(id);
        case "PATCH" ->
            withBody(
                exchange,
                body ->
                    clusters.patch(
                        id,
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Match")),
                        body));
        case "DELETE" -> clusters.delete(id);
        default -> methodNotAllowed("GET, PATCH, DELETE");
      };
    }
    if (path.size() == 3 && path.get(2).equals("api-keys")) {
      return allow(method, "POST") ? clusters.issueApiKey(id) : methodNotAllowed("POST");
    }
    if (path.size() == 3 && path.get(2).equals("restart")) {
      return allow(method, "POST")
          ? withBody(
              exchange,
              body ->
                  clusters.restart(
                      id,
                      Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Match")),
                      body))
          : methodNotAllowed("POST");
    }
    if (path.size() == 3 && path.get(2).equals("balance")) {
      return switch (method) {
        case "GET" -> balance.get(id);
        case "POST" -> withBody(exchange, body -> balance.request(id, body));
        default -> methodNotAllowed("GET, POST");
      };
    }
    return notFound(exchange.getRequestURI().getPath());
  }

  private Response health() {
    Availability now = availability.get();
    return now.serving()
        ? new Response.Json(200, Map.of("status", "ok"))
        : new Response.Failure(ProblemType.UNAVAILABLE.problem(now.detail()));
  }

  private static boolean allow(String method, String allowed) {
    return method.equals(allowed);
  }

  private static Response withBody(HttpExchange exchange, BodyHandler handler) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return new Response.Failure(
          ProblemType.PAYLOAD_TOO_LARGE.problem(
              "the request body is larger than " + MAX_BODY_BYTES + " bytes"));
    }
    return handler.handle(body);
  }

  private static Response notFound(String path) {
    return new Response.Failure(
        ProblemType.NOT_FOUND.problem(
            "there is no resource at "
                + Shown.value(path)
                + "; the REST API v1 serves /healthz and"
                + " /v1/clusters[/{id}[/api-keys|/balance|/restart]]"));
  }

  private static Response methodNotAllowed(String allowed) {
    return new Response.Failure(
        ProblemType.METHOD_NOT_ALLOWED.problem("this resource allows " + allowed),
        Map.of("Allow", allowed));
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] body;
    String contentType;
    if (response instanceof Response.Json json) {
      body = StratusJson.mapper().writeValueAsBytes(json.body());
      contentType = JSON;
    } else {
      body = StratusJson.mapper().writeValueAsBytes(((Response.Failure) response).problem());
      contentType = Problem.MEDIA_TYPE;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @FunctionalInterface
  private interface BodyHandler {
    Response handle(byte[] body);
  }
}
