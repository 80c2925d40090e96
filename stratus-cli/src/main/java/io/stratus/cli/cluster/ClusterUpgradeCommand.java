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
 * {@code stratus cluster upgrade ID --kafka-version V}: changes the Kafka version in the spec; the
 * data plane rolls the brokers onto it one at a time, then finalizes the new metadata version. The
 * change names the resource version it was based on ({@code If-Match}). The API refuses versions
 * older than the cluster's: a finalized metadata version cannot be lowered.
 */
@Command(
    name = "upgrade",
    description =
        "Move a cluster to a newer Apache Kafka version, one broker at a time. Clusters are never"
            + " downgraded.")
final class ClusterUpgradeCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Option(
      names = "--kafka-version",
      paramLabel = "VERSION",
      required = true,
      description = "The Apache Kafka version to move to, e.g. 4.4.0.")
  private String kafkaVersion;

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterUpgradeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    ChangeFollower follower =
        new ChangeFollower(environment, spec.commandLine().getErr(), api, printer, wait);
    ApiResponse<Cluster> read = api.getCluster(id);
    Cluster before = read.value();
    if (before.spec().kafkaVersion().equals(kafkaVersion)) {
      // Still worth following: the cluster may be on its way to this version.
      printer.note(id + " asks for Kafka " + kafkaVersion + " already.");
      follower.follow(id, before.resourceVersion(), Optional.of(read));
      return 0;
    }
    Optional<ApiResponse<Cluster>> patched =
        api.patchCluster(
            id, new PatchClusterRequest(null, kafkaVersion, null, null), before.resourceVersion());
    long version = ChangeFollower.versionAfter(patched, before.resourceVersion());
    printer.note(
        "Upgrading "
            + id
            + " from Kafka "
            + before.spec().kafkaVersion()
            + " to "
            + kafkaVersion
            + ", one broker at a time (version "
            + version
            + ").");
    follower.follow(id, version, patched);
    return 0;
  }
}
