package io.stratus.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A canned REST API on a loopback port, for testing the CLI's own client behaviour. Each route
 * answers its queued responses in order and repeats the last one; unknown routes answer 404 with a
 * problem. Every request is recorded. Thread-safe.
 */
public final class StubApi implements AutoCloseable {

  /** A request as the stub received it. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body) {
    /** The first value of a header, or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private record Response(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Response>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private StubApi(HttpServer server) {
    this.server = server;
  }

  /** A started stub on a free loopback port. */
  public static StubApi start() throws IOException {
    StubApi stub = new StubApi(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    stub.server.createContext("/", stub::handle);
    stub.server.start();
    return stub;
  }

  /** The base URL to pass as {@code --api-url}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues a JSON answer for {@code method path}. */
  public StubApi json(String method, String path, int status, String body) {
    return answer(method, path, new Response(status, "application/json", body));
  }

  /** Queues a problem answer for {@code method path}. */
  public StubApi problem(String method, String path, int status, String detail) {
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}";
    return answer(method, path, new Response(status, "application/problem+json", body));
  }

  /** Queues an answer without a body. */
  public StubApi empty(String method, String path, int status) {
    return answer(method, path, new Response(status, null, ""));
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests received for {@code method path}. */
  public List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private StubApi answer(String method, String path, Response response) {
    routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(response);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
    Response response = next(method + " " + path);
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Response next(String route) {
    Deque<Response> queue = routes.get(route);
    if (queue == null || queue.isEmpty()) {
      return new Response(
          404,
          "application/problem+json",
          "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no stub for " + route + "\"}");
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }
}
