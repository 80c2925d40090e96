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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus cluster config ID --set KEY=VALUE --unset KEY}: changes a cluster's broker
 * configuration overrides. The API replaces the overrides as a whole, so this reads the current
 * ones, applies the changes and sends the result, naming the resource version it read ({@code
 * If-Match}) so that a change made by someone else in between is refused rather than lost.
 */
@Command(
    name = "config",
    description = {
      "Change a cluster's broker configuration overrides. Kafka applies what it can change live;"
          + " the rest takes a rolling restart, one broker at a time.",
      "The settings a cluster may override are the same as for `cluster create --config`."
    })
final class ClusterConfigCommand implements Callable<Integer> {

  private final CliEnvironment environment;

  @Parameters(paramLabel = "ID", description = "The cluster id (lkc-...).")
  private String id;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Set a broker setting, e.g. --set log.retention.ms=3600000; repeat for more.")
  private List<String> sets = new ArrayList<>();

  @Option(
      names = "--unset",
      paramLabel = "KEY",
      description = "Remove an override, so the platform's default applies; repeat for more.")
  private List<String> unsets = new ArrayList<>();

  @Mixin private WaitOptions wait;
  @Mixin private ConnectionOptions connection;
  @Mixin private OutputOptions output;
  @Spec private CommandSpec spec;

  ClusterConfigCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Map<String, String> settings = settings();
    ApiClient api = new ApiClient(connection.resolve(environment.variables()));
    AnswerPrinter printer = output.printer(spec.commandLine().getOut());
    ChangeFollower follower =
        new ChangeFollower(environment, spec.commandLine().getErr(), api, printer, wait);
    ApiResponse<Cluster> read = api.getCluster(id);
    Cluster before = read.value();
    Map<String, String> next = new TreeMap<>(before.spec().config());
    next.putAll(settings);
    unsets.forEach(next::remove);
    if (next.equals(before.spec().config())) {
      printer.note("The broker configuration of " + id + " is as asked already.");
      follower.follow(id, before.resourceVersion(), Optional.of(read));
      return 0;
    }
    Optional<ApiResponse<Cluster>> patched =
        api.patchCluster(
            id, new PatchClusterRequest(null, null, next, null), before.resourceVersion());
    long version = ChangeFollower.versionAfter(patched, before.resourceVersion());
    printer.note(
        "Changing the broker configuration of "
            + id
            + ": "
            + changes(settings)
            + " (version "
            + version
            + ").");
    follower.follow(id, version, patched);
    return 0;
  }

  /** The {@code --set} options as settings, after checking every option is well formed. */
  private Map<String, String> settings() {
    if (sets.isEmpty() && unsets.isEmpty()) {
      throw usage("give at least one --set KEY=VALUE or --unset KEY");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String set : sets) {
      int equals = set.indexOf('=');
      if (equals <= 0) {
        throw usage(
            "--set takes KEY=VALUE, such as --set log.retention.ms=3600000; got '" + set + "'");
      }
      String key = set.substring(0, equals).strip();
      String value = set.substring(equals + 1);
      if (value.isBlank()) {
        throw usage("--set " + set + " has no value; to remove the override, use --unset " + key);
      }
      settings.put(key, value);
    }
    for (String key : unsets) {
      if (settings.containsKey(key)) {
        throw usage("--set and --unset both name '" + key + "'; name each setting once");
      }
    }
    return settings;
  }

  /** The changes asked for, e.g. {@code set a=1, b=2; unset c}. */
  private String changes(Map<String, String> settings) {
    List<String> parts = new ArrayList<>();
    if (!settings.isEmpty()) {
      List<String> set = new ArrayList<>();
      settings.forEach((key, value) -> set.add(key + "=" + value));
      parts.add("set " + String.join(", ", set));
    }
    if (!unsets.isEmpty()) {
      parts.add("unset " + String.join(", ", unsets));
    }
    return String.join("; ", parts);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
