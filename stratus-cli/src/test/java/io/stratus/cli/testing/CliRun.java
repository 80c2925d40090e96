package io.stratus.cli.testing;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.StratusCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code stratus} in-process against a test environment and captures what it printed. */
public final class CliRun {

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  private CliRun() {}

  /** A non-terminal environment with the given variables and a manual clock that sleeps advance. */
  public static CliEnvironment environment(Map<String, String> variables, ManualClock clock) {
    return new CliEnvironment(variables, clock, clock::advance, false, true);
  }

  /** An environment without variables, on a manual clock. */
  public static CliEnvironment environment() {
    return environment(Map.of(), new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
  }

  /** Runs {@code stratus args...}. */
  public static Result run(CliEnvironment environment, String... args) {
    CommandLine commandLine = StratusCommand.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
