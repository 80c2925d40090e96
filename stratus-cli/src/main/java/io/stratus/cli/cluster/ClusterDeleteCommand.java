package io.stratus.cli.cluster;

import io.stratus.api.Cluster;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.output.OutputOptions;
import io.stratus.cli.wait.ClusterWaiter;
import io.stratus.cli.wait.WaitCondition;
import io.stratus.cli.wait.WaitOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus cluster delete ID}. */
@Command(
    name = "delete",
    description = "Delete a cluster: its brokers are stopped and its data removed.")
final class ClusterDeleteCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterDeleteCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    // The version before the delete tells a failure of the delete from an earlier failure.
    long versionBefore = wait.enabled() ? api.getCluster(id).value().resourceVersion() : 0;
    Optional<ApiResponse<Cluster>> deleting = api.deleteCluster(id);
    if (wait.enabled()) {
      ClusterWaiter.create(environment, spec.commandLine().getErr())
          .await(
              () -> api.findCluster(id), new WaitCondition.Gone(id, versionBefore), wait.timeout());
      printer.note("Deleted " + id + ".");
    } else {
      printer.note("Deleting " + id + ". Follow it with: stratus cluster describe " + id);
    }
    if (printer.json()) {
      deleting.ifPresent(printer::cluster);
    }
    return 0;
  }
}
