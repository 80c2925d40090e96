package io.stratus.cli.platform;

import io.stratus.cli.StratusCliException;
import io.stratus.cli.connection.DataDirOptions;
import io.stratus.controlplane.ControlPlaneException;
import io.stratus.dataplane.substrate.SubstrateException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratus up}: runs the whole platform on this machine until it is stopped. */
@Command(
    name = "up",
    description = {
      "Start the platform on this machine: a system Kafka for its state, the control plane "
          + "(REST API) and a data plane agent that runs Kafka brokers as local processes.",
      "Runs until stopped (Ctrl-C or SIGTERM), then stops every broker it started.",
      "Started again on the same data directory, it brings every cluster back with its data."
    })
public final class UpCommand implements Callable<Integer> {

  /**
   * The system property (or, as STRATUS_KAFKA_HOME, environment variable) naming the Kafka home.
   */
  public static final String KAFKA_HOME_PROPERTY = "stratus.kafka.home";

  /**
   * The system property (or, as STRATUS_PLUGINS_HOME, environment variable) naming the broker
   * plugin's directory.
   */
  public static final String PLUGINS_HOME_PROPERTY = "stratus.plugins.home";

  @Spec private CommandSpec spec;

  @Mixin private DataDirOptions dataDir;

  @Option(
      names = "--api-port",
      paramLabel = "PORT",
      defaultValue = "7070",
      description = "Port of the REST API (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int apiPort;

  @Option(
      names = "--api-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address the REST API binds to (default: ${DEFAULT-VALUE}).")
  private String apiHost;

  @Option(
      names = "--broker-heap-mb",
      paramLabel = "MIB",
      defaultValue = "384",
      description =
          "Maximum heap of each tenant broker in MiB, 128 to 512 (default: ${DEFAULT-VALUE}).")
  private int brokerHeapMb;

  @Option(
      names = "--stop-grace",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      description = "How long a broker gets to shut down before it is killed (default: 30s).")
  private Duration stopGrace;

  @Option(
      names = "--broker-failure-grace",
      paramLabel = "DURATION",
      defaultValue = "PT5M",
      description =
          "How long a broker may be missing before the balancer re-creates its replicas on the"
              + " other brokers, as an ISO-8601 duration (default: PT5M).")
  private Duration brokerFailureGrace;

  @Option(
      names = "--object-store",
      paramLabel = "LOCATION",
      description = {
        "Where clusters tier closed log segments: file:DIR, or"
            + " s3://BUCKET[/PREFIX]?endpoint=URL&region=R&pathStyle=true for any S3-compatible"
            + " store (credentials from the standard AWS chain: environment, profile, role).",
        "Default: file:DATA_DIR/object-store."
      })
  private String objectStore;

  @Option(
      names = "--object-store-encryption",
      paramLabel = "on|off",
      description = "Encrypt tiered segments with AES-256-GCM (default: on for s3, off for file:).")
  private String objectStoreEncryption;

  @Option(
      names = "--object-store-key-file",
      paramLabel = "FILE",
      description =
          "The 32-byte master key (raw or base64). Default: generated once into"
              + " DATA_DIR/object-store.key, readable by its owner only.")
  private Path objectStoreKeyFile;

  @Override
  public Integer call() throws InterruptedException {
    try {
      return runPlatform();
    } catch (PlatformException | SubstrateException | ControlPlaneException e) {
      // These say what went wrong and what to do; the user needs the sentence, not a trace.
      throw new StratusCliException("stratus up: " + e.getMessage(), ExitCode.SOFTWARE, e);
    }
  }

  private Integer runPlatform() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    Path data = dataDir.dataDir().toAbsolutePath().normalize();
    Platform platform =
        Platform.open(
            new PlatformSettings(
                data,
                apiHost,
                apiPort,
                kafkaHome(),
                brokerHeapMb,
                stopGrace,
                brokerFailureGrace,
                pluginsHome(),
                Optional.ofNullable(objectStore),
                Optional.ofNullable(objectStoreEncryption),
                Optional.ofNullable(objectStoreKeyFile)));
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before anything starts, so a stop during start-up still stops every broker.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  platform.close();
                  stopped.countDown();
                },
                "stratus-shutdown"));
    platform.start();
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("Stratus is up (healthy in %.1fs)%n", seconds);
    out.printf("  API          %s%n", platform.apiUrl());
    platform
        .newAdminKey()
        .ifPresentOrElse(
            key ->
                out.printf(
                    "  Admin key    %s%n               shown once; saved in %s%n",
                    key, platform.credentialsFile()),
            () -> out.printf("  Admin key    in %s%n", platform.credentialsFile()));
    out.printf("  Data         %s%n", data);
    out.printf("  Tiering to   %s%n", platform.objectStore());
    out.println("Stop with Ctrl-C; brokers are stopped with the platform.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static Path pluginsHome() {
    String home = System.getProperty(PLUGINS_HOME_PROPERTY, System.getenv("STRATUS_PLUGINS_HOME"));
    if (home == null || home.isBlank()) {
      throw new PlatformException(
          "no broker plugin directory: set -D"
              + PLUGINS_HOME_PROPERTY
              + " or STRATUS_PLUGINS_HOME (./stratus sets it to"
              + " stratus-broker-plugins/target/plugin)");
    }
    return Path.of(home).toAbsolutePath().normalize();
  }

  private static Path kafkaHome() {
    String home = System.getProperty(KAFKA_HOME_PROPERTY, System.getenv("STRATUS_KAFKA_HOME"));
    if (home == null || home.isBlank()) {
      throw new PlatformException(
          "no Kafka runtime: set -D"
              + KAFKA_HOME_PROPERTY
              + " or STRATUS_KAFKA_HOME (./stratus sets it to stratus-kafka-dist/target/kafka)");
    }
    return Path.of(home).toAbsolutePath().normalize();
  }
}
