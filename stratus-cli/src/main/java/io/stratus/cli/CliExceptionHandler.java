package io.stratus.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link StratusCliException} into {@code Error: <message>} on stderr and its exit code.
 * Anything else is a bug and keeps picocli's default handling (stack trace, exit code 1).
 */
final class CliExceptionHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
    if (!(exception instanceof StratusCliException failure)) {
      throw exception;
    }
    commandLine.getErr().println("Error: " + failure.getMessage());
    commandLine.getErr().flush();
    return failure.exitCode();
  }
}
