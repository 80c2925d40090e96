package io.stratus.cli.cluster;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stratus cluster list}. */
@Command(name = "list", description = "List clusters.")
final class ClusterListCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterListCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    output.printer(spec.commandLine().getOut()).clusters(api.listClusters());
    return 0;
  }
}
