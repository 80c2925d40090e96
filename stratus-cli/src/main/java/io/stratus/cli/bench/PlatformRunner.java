package io.stratus.cli.bench;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterType;
import io.stratus.api.CreateClusterRequest;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.connection.Connection;
import io.stratus.cli.connection.Credentials;
import io.stratus.cli.connection.CredentialsFile;
import io.stratus.cli.wait.ProgressLine;
import io.stratus.cli.wait.Sleeper;
import io.stratus.cli.wait.WaitOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of {@code stratus bench platform}: starts {@code stratus up} on a fresh data directory,
 * times it to healthy, times a new cluster to READY, samples the memory of every process, stops it
 * and counts what it left behind. Progress goes to stderr. Not thread-safe; one run at a time.
 */
final class PlatformRunner {

  /** How many memory samples a run takes after READY, {@link #SAMPLE_INTERVAL} apart. */
  static final int MEMORY_SAMPLES = 6;

  static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(2);

  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration HEALTH_POLL = Duration.ofMillis(100);
  private static final Duration READY_POLL = Duration.ofMillis(250);
  private static final String CLUSTER_NAME = "bench";

  /**
   * What every run uses.
   *
   * @param java the {@code java} executable for {@code stratus up}
   * @param classPath the class path for {@code stratus up}
   * @param kafkaHome the Kafka runtime, if given as a system property
   * @param brokers the brokers of the cluster each run creates
   */
  record Setup(String java, String classPath, Map<String, String> systemProperties, int brokers) {}

  private final Setup setup;
  private final ProcFileSystem proc;
  private final RunGuard guard;
  private final Sleeper sleeper;
  private final PrintWriter err;
  private final ProgressLine progress;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  PlatformRunner(
      Setup setup,
      ProcFileSystem proc,
      RunGuard guard,
      Sleeper sleeper,
      PrintWriter err,
      ProgressLine progress) {
    this.setup = setup;
    this.proc = proc;
    this.guard = guard;
    this.sleeper = sleeper;
    this.err = err;
    this.progress = progress;
  }

  /**
   * Runs once.
   *
   * @param number this run's number, from 1
   * @param runs how many runs there are, for progress lines
   * @throws StratusCliException if the platform does not come up or the cluster does not become
   *     READY; the platform is stopped and its directory kept for a look at what happened
   */
  PlatformRun run(int number, int runs) throws InterruptedException {
    String prefix = "run " + number + "/" + runs + ": ";
    Path root = createRoot();
    Path data = root.resolve("data");
    DataDirectoryMatch match = new DataDirectoryMatch(data);
    int apiPort = freePort();
    List<String> command =
        StratusUpProcess.command(
            setup.java(), setup.classPath(), setup.systemProperties(), data, apiPort);
    note(prefix + "starting stratus up on " + data + ", API port " + apiPort);
    long launched = System.nanoTime();
    StratusUpProcess up = start(command, root);
    PlatformTeardown teardown = new PlatformTeardown(up, proc, match, STOP_TIMEOUT);
    guard.watch(() -> tearDownOnShutdown(teardown, root));
    try {
      Duration upToHealthy = awaitHealthy(prefix, up, apiPort, launched);
      note(prefix + "healthy after " + seconds(upToHealthy));
      ApiClient api = new ApiClient(new Connection(apiUrl(apiPort), adminKey(data)));
      Duration createToReady = createAndAwaitReady(prefix, api, up);
      note(prefix + "READY with " + setup.brokers() + " brokers after " + seconds(createToReady));
      note(
          prefix
              + "sampling memory "
              + MEMORY_SAMPLES
              + " times over "
              + SAMPLE_INTERVAL.multipliedBy(MEMORY_SAMPLES - 1).toSeconds()
              + "s");
      MemoryPeaks memory = sampleMemory(new MemoryMeter(proc, match, up.pid()));
      note(prefix + "stopping stratus up (SIGTERM)");
      PlatformTeardown.Outcome stopped = teardown.run();
      note(
          prefix
              + "stopped after "
              + seconds(stopped.stopTime())
              + " (exit code "
              + stopped.exitCode()
              + "), "
              + stopped.leftoverProcesses()
              + " leftover processes");
      if (!Directories.deleteRecursively(root)) {
        note(prefix + "could not delete all of " + root + "; delete it by hand");
      }
      return new PlatformRun(
          number,
          PlatformRun.seconds(upToHealthy),
          PlatformRun.seconds(createToReady),
          memory.rss().rssMiB(),
          memory.hwm().hwmMiB(),
          memory.rss().processes(),
          MEMORY_SAMPLES,
          PlatformRun.seconds(stopped.stopTime()),
          stopped.exitCode(),
          stopped.leftoverProcesses());
    } catch (StratusCliException e) {
      if (guard.shuttingDown()) {
        throw new StratusCliException(prefix + "interrupted; the platform under test was stopped");
      }
      throw new StratusCliException(
          prefix
              + e.getMessage()
              + "\nThe output of stratus up is in "
              + up.log()
              + "; its data in "
              + data
              + " (delete "
              + root
              + " when done).",
          e.exitCode(),
          e);
    } finally {
      // Idempotent: after a complete run this returns at once; after a failure it stops the
      // platform, so that nothing outlives the bench.
      progress.finish();
      teardown.run();
      guard.release();
    }
  }

  /** The sample with the most resident memory, and the one with the highest sum of peaks. */
  private record MemoryPeaks(MemorySample rss, MemorySample hwm) {}

  private MemoryPeaks sampleMemory(MemoryMeter meter) throws InterruptedException {
    MemorySample rss = meter.sample();
    MemorySample hwm = rss;
    for (int i = 1; i < MEMORY_SAMPLES; i++) {
      sleeper.sleep(SAMPLE_INTERVAL);
      MemorySample sample = meter.sample();
      if (sample.rssMiB().total() > rss.rssMiB().total()) {
        rss = sample;
      }
      if (sample.hwmMiB().total() > hwm.hwmMiB().total()) {
        hwm = sample;
      }
    }
    return new MemoryPeaks(rss, hwm);
  }

  private Duration awaitHealthy(String prefix, StratusUpProcess up, int apiPort, long launched)
      throws InterruptedException {
    while (true) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - launched);
      if (!up.isAlive()) {
        progress.finish();
        throw new StratusCliException(
            "stratus up exited before it was healthy; its last lines:\n" + up.lastLines(20));
      }
      if (up.printedUp() && healthy(apiPort)) {
        progress.finish();
        return Duration.ofNanos(System.nanoTime() - launched);
      }
      if (elapsed.compareTo(UP_TIMEOUT) > 0) {
        progress.finish();
        throw new StratusCliException(
            "stratus up was not healthy after " + UP_TIMEOUT.toMinutes() + " minutes");
      }
      progress.show(prefix + "waiting for stratus up to be healthy", elapsed);
      sleeper.sleep(HEALTH_POLL);
    }
  }

  private Duration createAndAwaitReady(String prefix, ApiClient api, StratusUpProcess up)
      throws InterruptedException {
    long started = System.nanoTime();
    Cluster created =
        api.createCluster(
                new CreateClusterRequest(
                    CLUSTER_NAME, ClusterType.DEDICATED.wireName(), setup.brokers(), null, null))
            .value();
    while (true) {
      if (!up.isAlive()) {
        progress.finish();
        throw new StratusCliException(
            "stratus up exited while creating the cluster; its last lines:\n" + up.lastLines(20));
      }
      Cluster seen = api.getCluster(created.id()).value();
      WaitOutcome outcome = ReadyWithBrokers.evaluate(seen, setup.brokers());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (outcome instanceof WaitOutcome.Done) {
        progress.finish();
        return elapsed;
      }
      if (outcome instanceof WaitOutcome.Failed failed) {
        progress.finish();
        throw new StratusCliException(failed.reason());
      }
      if (elapsed.compareTo(READY_TIMEOUT) > 0) {
        progress.finish();
        throw new StratusCliException(
            "cluster "
                + created.id()
                + " was not READY after "
                + READY_TIMEOUT.toMinutes()
                + " minutes; last seen: "
                + ((WaitOutcome.Pending) outcome).progress());
      }
      progress.show(prefix + ((WaitOutcome.Pending) outcome).progress(), elapsed);
      sleeper.sleep(READY_POLL);
    }
  }

  private boolean healthy(int apiPort) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(apiUrl(apiPort).resolve("/healthz"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static String adminKey(Path data) {
    return CredentialsFile.read(data)
        .flatMap(Credentials::key)
        .orElseThrow(
            () ->
                new StratusCliException(
                    "stratus up said it is up but wrote no API key in "
                        + CredentialsFile.in(data)));
  }

  private static URI apiUrl(int apiPort) {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  private static Path createRoot() {
    try {
      return Files.createTempDirectory("stratus-bench-").toRealPath();
    } catch (IOException e) {
      throw new StratusCliException("cannot create a temporary directory: " + e.getMessage());
    }
  }

  private static StratusUpProcess start(List<String> command, Path root) {
    try {
      return StratusUpProcess.start(command, root.resolve("up.log"));
    } catch (IOException e) {
      Directories.deleteRecursively(root);
      throw new StratusCliException("cannot start " + command.get(0) + ": " + e.getMessage());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StratusCliException("cannot find a free port: " + e.getMessage());
    }
  }

  private void note(String line) {
    err.println(line);
    err.flush();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }

  /** What an interrupted bench does: stop the platform under test and delete its directory. */
  private void tearDownOnShutdown(PlatformTeardown teardown, Path root) {
    try {
      PlatformTeardown.Outcome outcome = teardown.run();
      if (outcome.leftoverProcesses() > 0) {
        err.printf("stopped %d leftover processes%n", outcome.leftoverProcesses());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Directories.deleteRecursively(root);
  }
}
