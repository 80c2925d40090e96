package io.stratus.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratus.api.StratusJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code stratus up} as a user runs it: a separate JVM started from this module's classpath,
 * stopped with SIGTERM. Test support.
 */
final class PlatformProcess {

  private final Path dataDirectory;
  private final int apiPort;
  private final Path output;
  private Process process;

  private final List<String> extraArguments;
  private final Map<String, String> environment;

  PlatformProcess(Path dataDirectory, int apiPort) {
    this(dataDirectory, apiPort, List.of(), Map.of());
  }

  /**
   * @param extraArguments more {@code stratus up} options, e.g. {@code --object-store}
   * @param environment added to the environment {@code stratus up} (and so its brokers) inherits
   */
  PlatformProcess(
      Path dataDirectory,
      int apiPort,
      List<String> extraArguments,
      Map<String, String> environment) {
    this.dataDirectory = dataDirectory;
    this.apiPort = apiPort;
    this.extraArguments = List.copyOf(extraArguments);
    this.environment = Map.copyOf(environment);
    this.output = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-up.log");
  }

  /**
   * Starts {@code stratus up} and waits until it says it is up (credentials written) and {@code
   * /healthz} answers 200.
   */
  Duration startAndAwaitHealthy() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add(
        "-D"
            + UpCommand.KAFKA_HOME_PROPERTY
            + "="
            + System.getProperty(UpCommand.KAFKA_HOME_PROPERTY));
    command.add(
        "-D"
            + UpCommand.PLUGINS_HOME_PROPERTY
            + "="
            + System.getProperty(UpCommand.PLUGINS_HOME_PROPERTY));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.stratus.cli.Main");
    command.add("up");
    command.add("--data-dir");
    command.add(dataDirectory.toString());
    command.add("--api-port");
    command.add(String.valueOf(apiPort));
    command.add("--broker-heap-mb");
    command.add("256");
    command.addAll(extraArguments);
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    await("stratus up becomes healthy (output in " + output + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(process.isAlive()).as("stratus up exited early; see %s", output).isTrue();
              return output().contains("Stratus is up") && healthy();
            });
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Sends SIGTERM and waits for the platform to exit. */
  int stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("stratus up exits after SIGTERM").isTrue();
    return process.exitValue();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Everything {@code stratus up} printed so far. */
  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  /** The admin key from credentials.json. */
  String adminKey() throws IOException {
    return StratusJson.mapper()
        .readTree(dataDirectory.resolve("credentials.json").toFile())
        .path("apiKey")
        .asText();
  }

  private boolean healthy() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(apiUrl().resolve("/healthz"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
