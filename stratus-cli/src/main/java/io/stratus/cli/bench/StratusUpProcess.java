package io.stratus.cli.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code stratus up} running as a child JVM of the bench, the way a user starts it. Everything it
 * prints goes to a log file; a reader thread notes when it says {@value #UP_LINE}. Thread-safe, so
 * that a shutdown hook may stop it while the bench is waiting on it.
 */
final class StratusUpProcess {

  /** What {@code stratus up} prints once the control plane is healthy. */
  static final String UP_LINE = "Stratus is up";

  private static final String MAIN_CLASS = "io.stratus.cli.Main";

  private final Process process;
  private final Path log;
  private volatile boolean printedUp;

  private StratusUpProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * The command line of {@code stratus up} on a fresh data directory. Pure.
   *
   * @param java the {@code java} executable
   * @param classPath the class path holding the Stratus CLI and its dependencies
   * @param systemProperties passed on as {@code -Dkey=value}, e.g. the Kafka runtime and the broker
   *     plugin; what is missing the child finds as {@code stratus up} does (its environment)
   * @param dataDirectory the data directory for this run
   * @param apiPort the REST API's port
   */
  static List<String> command(
      String java,
      String classPath,
      Map<String, String> systemProperties,
      Path dataDirectory,
      int apiPort) {
    List<String> command = new ArrayList<>();
    command.add(java);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(classPath);
    command.add(MAIN_CLASS);
    command.add("up");
    command.add("--data-dir");
    command.add(dataDirectory.toString());
    command.add("--api-port");
    command.add(Integer.toString(apiPort));
    return List.copyOf(command);
  }

  /** Launches {@code command}, with its output (stdout and stderr) going to {@code log}. */
  static StratusUpProcess start(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    StratusUpProcess up = new StratusUpProcess(process, log);
    Thread copier = new Thread(up::copyOutput, "stratus-up-output-" + process.pid());
    copier.setDaemon(true);
    copier.start();
    return up;
  }

  /** Whether it has printed {@value #UP_LINE}. */
  boolean printedUp() {
    return printedUp;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Where its output goes. */
  Path log() {
    return log;
  }

  /**
   * Sends SIGTERM, as Ctrl-C or a service manager would, and waits for it to exit.
   *
   * @return its exit code, or empty if it was still running after {@code timeout}
   */
  Optional<Integer> stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    return Optional.of(process.exitValue());
  }

  /**
   * Sends SIGKILL and waits up to {@code timeout} for it to go; returns its exit code if it did.
   */
  Optional<Integer> kill(Duration timeout) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    return Optional.of(process.exitValue());
  }

  /** The last {@code count} lines it printed, to explain a failure. */
  String lastLines(int count) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Copies the output to the log until the process closes it. It keeps reading even if the log
   * cannot be written, so that the child never blocks on a full pipe.
   */
  private void copyOutput() {
    Writer file = openLog();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.contains(UP_LINE)) {
          printedUp = true;
        }
        if (!append(file, line)) {
          file = Writer.nullWriter();
        }
      }
    } catch (IOException e) {
      // The pipe broke: the process is gone, and the waits notice that themselves.
    } finally {
      closeQuietly(file);
    }
  }

  private Writer openLog() {
    try {
      return Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Writer.nullWriter();
    }
  }

  private static void closeQuietly(Writer file) {
    try {
      file.close();
    } catch (IOException e) {
      // Every line was flushed as it was written; nothing is lost.
    }
  }

  private static boolean append(Writer file, String line) {
    try {
      file.write(line);
      file.write('\n');
      file.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
