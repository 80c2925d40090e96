package io.stratus.cli.cluster;

import io.stratus.api.Cluster;
import io.stratus.api.PatchClusterRequest;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus cluster scale ID --brokers N}. The change names the resource version it was based
 * on ({@code If-Match}), so it is refused rather than lost if someone else changed the cluster in
 * between.
 */
@Command(name = "scale", description = "Change how many brokers a cluster has.")
final class ClusterScaleCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Option(
      names = "--brokers",
      paramLabel = "N",
      required = true,
      description = "The new number of brokers.")
  private int brokers;

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterScaleCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    Cluster before = api.getCluster(id).value();
    Optional<ApiResponse<Cluster>> patched =
        api.patchCluster(
            id, new PatchClusterRequest(brokers, null, null, null), before.resourceVersion());
    long version = ChangeFollower.versionAfter(patched, before.resourceVersion());
    printer.note(
        "Scaling "
            + id
            + " from "
            + before.spec().brokers()
            + " to "
            + brokers
            + " brokers (version "
            + version
            + ").");
    new ChangeFollower(environment, spec.commandLine().getErr(), api, printer, wait)
        .follow(id, version, patched);
    return 0;
  }
}
