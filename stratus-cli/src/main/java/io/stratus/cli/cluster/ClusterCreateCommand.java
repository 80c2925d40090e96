package io.stratus.cli.cluster;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterType;
import io.stratus.api.CreateClusterRequest;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.connection.ConnectionOptions;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.output.OutputOptions;
import io.stratus.cli.wait.ClusterWaiter;
import io.stratus.cli.wait.WaitCondition;
import io.stratus.cli.wait.WaitOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus cluster create NAME}. */
@Command(name = "create", description = "Create a dedicated Kafka cluster.")
final class ClusterCreateCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(
      paramLabel = "NAME",
      description = "A DNS label: 1-63 of a-z, 0-9 and -, starting with a letter.")
  private String name;

  @Option(
      names = "--brokers",
      paramLabel = "N",
      description = "How many brokers (default: the platform's, 3).")
  private Integer brokers;

  @Option(
      names = "--kafka-version",
      paramLabel = "VERSION",
      description = "Apache Kafka version (default: the platform's).")
  private String kafkaVersion;

  @Option(
      names = "--config",
      paramLabel = "KEY=VALUE",
      description = "A broker configuration override; repeat for more.")
  private Map<String, String> config;

  @Option(
      names = "--balancing",
      paramLabel = "MODE",
      converter = BalancingModeConverter.class,
      description =
          "When the balancer moves partitions on its own: "
              + BalancingModeConverter.CHOICES
              + " (default: any-uneven-load).")
  private BalancingMode balancing;

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterCreateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    ApiResponse<Cluster> created =
        api.createCluster(
            new CreateClusterRequest(
                name,
                ClusterType.DEDICATED.wireName(),
                brokers,
                kafkaVersion,
                config,
                balancing == null ? null : new BalancingRequest(balancing.wireName())));
    Cluster cluster = created.value();
    if (wait.enabled()) {
      created =
          ClusterWaiter.create(environment, spec.commandLine().getErr())
              .await(
                  () -> api.findCluster(cluster.id()),
                  new WaitCondition.Ready(cluster.id(), cluster.resourceVersion()),
                  wait.timeout())
              .orElseThrow();
    }
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    printer.cluster(created);
    if (!wait.enabled()) {
      printer.note(
          "\nThe data plane is creating it. Follow it with: stratus cluster describe "
              + cluster.id()
              + " (or create with --wait).");
    }
    return 0;
  }
}
