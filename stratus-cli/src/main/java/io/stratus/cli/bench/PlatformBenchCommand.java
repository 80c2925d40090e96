package io.stratus.cli.bench;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.platform.UpCommand;
import io.stratus.cli.wait.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code stratus bench platform}: what starting the platform and a cluster costs on this machine.
 */
@Command(
    name = "platform",
    sortOptions = false,
    description = {
      "Start `stratus up` on a fresh data directory, as a user would, and measure: the time until "
          + "it is healthy, the time until a new dedicated cluster is READY with all its brokers, "
          + "the resident memory of the platform and every Kafka process (sampled over 10s after "
          + "READY), and whether stopping it with SIGTERM leaves any process behind.",
      "Prints a table (one row per run and the medians) and writes every figure as JSON. "
          + "Progress goes to stderr. Each run takes a few minutes."
    })
final class PlatformBenchCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "How many times to start, measure and stop the platform (default: 3).")
  private int runs;

  @Option(
      names = "--brokers",
      paramLabel = "N",
      defaultValue = "3",
      description = "Brokers of the cluster each run creates (default: 3).")
  private int brokers;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      defaultValue = "target/bench/platform.json",
      description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
  private Path json;

  @Spec private CommandSpec spec;

  PlatformBenchCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    requireAtLeastOne("--runs", runs);
    requireAtLeastOne("--brokers", brokers);
    ProcFileSystem proc = new ProcFileSystem();
    if (!proc.available()) {
      throw new StratusCliException(
          "stratus bench platform reads process memory from /proc, which this system lacks; "
              + "run it on Linux");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant startedAt = environment.clock().instant();
    Machine machine = Machine.current();
    err.printf(
        Locale.ROOT,
        "stratus bench platform: %d run(s), %d-broker cluster, %d processors, load average %.2f%n",
        runs,
        brokers,
        machine.availableProcessors(),
        machine.loadAverageAtStart());
    err.flush();

    List<PlatformRun> results = new ArrayList<>();
    try (RunGuard guard = new RunGuard(err)) {
      PlatformRunner runner =
          new PlatformRunner(
              new PlatformRunner.Setup(
                  javaExecutable(),
                  System.getProperty("java.class.path"),
                  stratusUpProperties(),
                  brokers),
              proc,
              guard,
              environment.sleeper(),
              err,
              new ProgressLine(err, environment.stderrIsTerminal(), environment.unicode()));
      for (int run = 1; run <= runs; run++) {
        results.add(runner.run(run, runs));
      }
    }

    PlatformMedians median = PlatformMedians.of(results);
    out.print(PlatformBenchTable.render(results, median, environment.unicode()));
    out.println();
    out.printf(
        "peak RSS: the largest sum of VmRSS of %d samples %ds apart after READY (platform JVM, "
            + "system Kafka, tenant brokers); peak HWM: the sum of each process's own VmHWM.%n",
        PlatformRunner.MEMORY_SAMPLES, PlatformRunner.SAMPLE_INTERVAL.toSeconds());
    writeReport(
        new PlatformBenchReport(
            "platform",
            startedAt,
            machine,
            new PlatformBenchReport.Settings(
                runs,
                brokers,
                PlatformRunner.MEMORY_SAMPLES,
                PlatformRunner.SAMPLE_INTERVAL.toMillis() / 1000.0),
            results,
            median));
    out.println("Figures written to " + json);
    out.flush();
    return 0;
  }

  private void writeReport(PlatformBenchReport report) {
    try {
      report.writeTo(json);
    } catch (IOException e) {
      throw new StratusCliException("cannot write " + json + ": " + e.getMessage());
    }
  }

  private static void requireAtLeastOne(String option, int value) {
    if (value < 1) {
      throw new StratusCliException(option + " must be at least 1, got " + value, ExitCode.USAGE);
    }
  }

  /** The {@code java} running this command, so that the platform runs on the same runtime. */
  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The Kafka runtime and broker plugin this command was started with, for stratus up. */
  private Map<String, String> stratusUpProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    kafkaHome().ifPresent(home -> properties.put(UpCommand.KAFKA_HOME_PROPERTY, home));
    Optional.ofNullable(System.getProperty(UpCommand.PLUGINS_HOME_PROPERTY))
        .filter(home -> !home.isBlank())
        .ifPresent(home -> properties.put(UpCommand.PLUGINS_HOME_PROPERTY, home));
    return properties;
  }

  /** As {@code stratus up} finds it: the system property, else STRATUS_KAFKA_HOME. */
  private Optional<String> kafkaHome() {
    Optional<String> property =
        Optional.ofNullable(System.getProperty(UpCommand.KAFKA_HOME_PROPERTY))
            .filter(home -> !home.isBlank());
    boolean variable = !environment.variables().getOrDefault("STRATUS_KAFKA_HOME", "").isBlank();
    if (property.isEmpty() && !variable) {
      throw new StratusCliException(
          "no Kafka runtime for stratus up: run the bench with ./stratus, or set -D"
              + UpCommand.KAFKA_HOME_PROPERTY
              + " or STRATUS_KAFKA_HOME",
          ExitCode.USAGE);
    }
    return property;
  }
}
