package io.stratus.cli.bench.tiered;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.bench.Machine;
import io.stratus.cli.bench.RunGuard;
import io.stratus.cli.platform.UpCommand;
import io.stratus.cli.wait.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stratus bench tiered-storage}: how fast the tiered-storage plugin uploads, and how fast a
 * consumer reads tiered data compared with local data, on this machine.
 */
@Command(
    name = "tiered-storage",
    sortOptions = false,
    description = {
      "Measure tiered storage on this machine, with a 1-broker Kafka cluster tiering to a "
          + "directory: the throughput of a consumer reading a topic from offset 0 when its data "
          + "is local, when it is in the object store and the broker's chunk cache is cold, and "
          + "when the cache is warm; the producer's throughput; and the plugin's upload "
          + "throughput, running it in this JVM on the broker's closed segments.",
      "Local and warm reads are repeated 3 times and the median reported; each figure comes "
          + "with the CPU time the broker and this JVM spent per MB, which explains throughputs "
          + "on a busy machine. MB means 2^20 bytes.",
      "Prints a table and writes every figure as JSON; progress goes to stderr. A run takes a "
          + "few minutes and needs about 5 times --megabytes of disk in the temporary directory."
    })
public final class TieredStorageBenchCommand implements Callable<Integer> {

  /**
   * Broker settings the bench sets on top of the platform's defaults. Empty: the bench measures the
   * platform as it ships.
   */
  static final Map<String, String> BROKER_OVERRIDES = Map.of();

  private final CliEnvironment environment;

  @Option(
      names = "--megabytes",
      paramLabel = "MB",
      defaultValue = "200",
      description =
          "MB of 1 KiB values written to each of the two topics, at least 16 per partition"
              + " (default: ${DEFAULT-VALUE}).")
  private int megabytes;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "4",
      description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(
      names = "--encryption",
      paramLabel = "on|off",
      defaultValue = "off",
      converter = Encryption.Converter.class,
      description = "Encrypt tiered segments with AES-256-GCM (default: ${DEFAULT-VALUE}).")
  private Encryption encryption;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      defaultValue = "target/bench/tiered-storage.json",
      description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
  private Path json;

  @Spec private CommandSpec spec;

  TieredStorageBenchCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    BenchSettings settings = new BenchSettings(megabytes, partitions, encryption);
    Path kafkaHome = home(UpCommand.KAFKA_HOME_PROPERTY, "STRATUS_KAFKA_HOME", "Kafka runtime");
    Path pluginsHome =
        home(UpCommand.PLUGINS_HOME_PROPERTY, "STRATUS_PLUGINS_HOME", "broker plugin directory");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant startedAt = environment.clock().instant();
    Machine machine = Machine.current();
    err.printf(
        Locale.ROOT,
        "stratus bench tiered-storage: %d MB per topic, %d partitions, encryption %s;"
            + " %d processors, load average %.2f%n",
        settings.megabytes(),
        settings.partitions(),
        settings.encryption(),
        machine.availableProcessors(),
        machine.loadAverageAtStart());
    err.flush();

    TieredBenchFigures figures;
    try (RunGuard guard = new RunGuard(err)) {
      figures =
          new TieredBenchRun(
                  new TieredBenchRun.Setup(kafkaHome, pluginsHome, settings, BROKER_OVERRIDES),
                  guard,
                  environment.clock(),
                  environment.sleeper(),
                  err,
                  new ProgressLine(err, environment.stderrIsTerminal(), environment.unicode()))
              .run();
    }

    out.print(TieredBenchTable.render(figures, settings, machine, environment.unicode()));
    writeReport(TieredBenchReport.of(startedAt, machine, settings, figures, BROKER_OVERRIDES));
    out.println("Figures written to " + json);
    out.flush();
    return ExitCode.OK;
  }

  private void writeReport(TieredBenchReport report) {
    try {
      report.writeTo(json);
    } catch (IOException e) {
      throw new StratusCliException("cannot write " + json + ": " + e.getMessage());
    }
  }

  /** A directory the launcher names: the system property, else the environment variable. */
  private Path home(String property, String variable, String what) {
    Optional<String> home =
        Optional.ofNullable(System.getProperty(property))
            .or(() -> Optional.ofNullable(environment.variables().get(variable)))
            .filter(value -> !value.isBlank());
    if (home.isEmpty()) {
      throw new StratusCliException(
          "no " + what + ": run the bench with ./stratus, or set -D" + property + " or " + variable,
          ExitCode.USAGE);
    }
    Path directory = Path.of(home.get()).toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new StratusCliException(
          "the "
              + what
              + " "
              + directory
              + " does not exist; build it"
              + " with 'mvn -DskipTests install', or point -D"
              + property
              + " or "
              + variable
              + " at it",
          ExitCode.USAGE);
    }
    return directory;
  }
}
