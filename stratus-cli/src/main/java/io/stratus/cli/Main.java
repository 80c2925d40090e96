package io.stratus.cli;

/** The entry point of the {@code stratus} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(StratusCommand.commandLine(CliEnvironment.system()).execute(args));
  }
}
