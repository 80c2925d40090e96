package io.stratus.cli.cluster;

import io.stratus.api.Cluster;
import io.stratus.cli.CliEnvironment;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.wait.ClusterWaiter;
import io.stratus.cli.wait.WaitCondition;
import io.stratus.cli.wait.WaitOptions;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What the commands that change a cluster do once the API has accepted the change: with {@code
 * --wait}, follow the cluster until the data plane has done it, showing its progress on stderr;
 * then print the cluster when waited for or when JSON was asked for. Not thread-safe.
 */
final class ChangeFollower {

  private final CliEnvironment environment;
  private final PrintWriter err;
  private final ApiClient api;
  private final AnswerPrinter printer;
  private final WaitOptions wait;

  ChangeFollower(
      CliEnvironment environment,
      PrintWriter err,
      ApiClient api,
      AnswerPrinter printer,
      WaitOptions wait) {
    this.environment = environment;
    this.err = err;
    this.api = api;
    this.printer = printer;
    this.wait = wait;
  }

  /**
   * The resource version a PATCH produced: the answer's, or when the answer had no body, the
   * version it was based on plus one, since every accepted change increases it by one.
   */
  static long versionAfter(Optional<ApiResponse<Cluster>> answer, long versionBefore) {
    return answer.map(a -> a.value().resourceVersion()).orElse(versionBefore + 1);
  }

  /**
   * Follows cluster {@code id} to {@code READY} at {@code version} if asked to wait, then prints it
   * if waited for or asked for JSON.
   *
   * @param answer the API's answer to the change, if it had a body
   */
  void follow(String id, long version, Optional<ApiResponse<Cluster>> answer) {
    if (wait.enabled()) {
      printer.cluster(
          ClusterWaiter.create(environment, err)
              .await(
                  () -> api.findCluster(id), new WaitCondition.Ready(id, version), wait.timeout())
              .orElseThrow());
    } else if (printer.json()) {
      printer.cluster(answer.orElseGet(() -> api.getCluster(id)));
    }
  }
}
