package io.stratus.cli;

import io.stratus.cli.apikey.ApiKeyCommand;
import io.stratus.cli.bench.BenchCommand;
import io.stratus.cli.cluster.ClusterCommand;
import io.stratus.cli.platform.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code stratus} command. It does nothing itself; every action is a subcommand, listed
 * here in {@code subcommands}.
 */
@Command(
    name = "stratus",
    description = "Serverless Apache Kafka that you run yourself.",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = StratusVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {
      UpCommand.class,
      ClusterCommand.class,
      ApiKeyCommand.class,
      BenchCommand.class,
      HelpCommand.class
    })
public final class StratusCommand {

  /**
   * The command line for {@code stratus}, with its subcommands built against {@code environment}
   * and errors mapped to exit codes (0 ok, 1 API or operation error, 2 usage error).
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    CommandLine commandLine =
        new CommandLine(StratusCommand.class, new CommandFactory(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
    return commandLine;
  }
}
