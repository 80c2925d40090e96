package io.stratus.controlplane.http;

import com.sun.net.httpserver.HttpServer;
import io.stratus.controlplane.ControlPlaneException;
import io.stratus.controlplane.auth.BearerAuthenticator;
import io.stratus.controlplane.command.BalanceCommands;
import io.stratus.controlplane.command.ClusterCommands;
import io.stratus.controlplane.command.CommandProcessor;
import io.stratus.controlplane.command.TenantKeyCommands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API's HTTP server (the JDK's {@link HttpServer}) with a small pool of request threads.
 * Thread-safe.
 */
public final class ApiServer implements AutoCloseable {

  private static final int THREADS = 8;
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final HttpServer server;
  private final ExecutorService threads;
  private final URI url;

  private ApiServer(HttpServer server, ExecutorService threads, URI url) {
    this.server = server;
    this.threads = threads;
    this.url = url;
  }

  /**
   * Starts serving the API of this processor.
   *
   * @param host the address to listen on
   * @param port the port to listen on; 0 picks a free one
   * @throws ControlPlaneException if the address cannot be listened on
   */
  public static ApiServer start(
      String host,
      int port,
      CommandProcessor processor,
      ClusterCommands clusters,
      TenantKeyCommands tenantKeys,
      BalanceCommands balance) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new ControlPlaneException(
          "cannot listen for the REST API on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    CommandCalls calls = new CommandCalls(processor, COMMAND_TIMEOUT);
    ClusterRoutes routes = new ClusterRoutes(processor::model, calls, clusters, tenantKeys);
    BalanceRoutes balanceRoutes = new BalanceRoutes(processor::model, calls, balance);
    server.createContext(
        "/",
        new ApiHandler(
            processor::availability,
            new BearerAuthenticator(processor::model),
            routes,
            balanceRoutes));
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "stratus-control-plane-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.start();
    return new ApiServer(server, threads, urlOf(server.getAddress()));
  }

  /** Where the API is served, for example {@code http://127.0.0.1:7070}. */
  public URI url() {
    return url;
  }

  /** Stops listening and closes open connections. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static URI urlOf(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    String name =
        host.isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress().getHostAddress()
            : host.getHostAddress();
    if (name.contains(":")) {
      name = "[" + name + "]";
    }
    return URI.create("http://" + name + ":" + address.getPort());
  }
}
