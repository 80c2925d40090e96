package io.stratus.cli;

import picocli.CommandLine.ExitCode;

/**
 * A failure the user can act on, with the message to show them and the exit code to end with. The
 * root of the CLI's exceptions; {@link CliExceptionHandler} reports it, nothing else should.
 */
public class StratusCliException extends RuntimeException {

  private final int exitCode;

  /** A failure of the API or of the operation: exit code 1. */
  public StratusCliException(String message) {
    this(message, ExitCode.SOFTWARE);
  }

  public StratusCliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public StratusCliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code this failure ends the command with. */
  public int exitCode() {
    return exitCode;
  }
}
