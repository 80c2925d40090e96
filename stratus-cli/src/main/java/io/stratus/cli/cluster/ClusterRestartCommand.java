package io.stratus.cli.cluster;

import io.stratus.api.Cluster;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.output.OutputOptions;
import io.stratus.cli.wait.WaitOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus cluster restart ID}: asks for a rolling restart through {@code POST
 * /v1/clusters/{id}/restart}. The data plane restarts one broker at a time, each only when Kafka
 * says no partition would drop below {@code min.insync.replicas}.
 */
@Command(
    name = "restart",
    description =
        "Restart every broker of a cluster, one at a time, each only when Kafka says it is safe.")
final class ClusterRestartCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterRestartCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    ApiResponse<Cluster> restarting = api.restartCluster(id);
    long version = restarting.value().resourceVersion();
    printer.note("Restarting " + id + " one broker at a time (version " + version + ").");
    new ChangeFollower(environment, spec.commandLine().getErr(), api, printer, wait)
        .follow(id, version, Optional.of(restarting));
    return 0;
  }
}
