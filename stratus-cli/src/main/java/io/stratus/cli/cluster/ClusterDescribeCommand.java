package io.stratus.cli.cluster;

import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus cluster describe ID}. */
@Command(
    name = "describe",
    description = "Show a cluster: its spec, phase, bootstrap address, brokers and status message.")
final class ClusterDescribeCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterDescribeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    output.printer(spec.commandLine().getOut()).cluster(api.getCluster(id));
    return 0;
  }
}
