package io.stratus.cli.apikey;

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

/** {@code stratus api-key create CLUSTER_ID}. */
@Command(
    name = "create",
    description = "Create a Kafka client credential for a cluster. The secret is shown only once.")
final class ApiKeyCreateCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "CLUSTER_ID", description = "The cluster id (lkc-...).")
  private String clusterId;

  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ApiKeyCreateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    output.printer(spec.commandLine().getOut()).apiKey(clusterId, api.createApiKey(clusterId));
    return 0;
  }
}
