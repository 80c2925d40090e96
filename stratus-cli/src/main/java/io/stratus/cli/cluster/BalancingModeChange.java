package io.stratus.cli.cluster;

import io.stratus.api.BalancingMode;
import io.stratus.api.BalancingRequest;
import io.stratus.api.Cluster;
import io.stratus.api.PatchClusterRequest;
import io.stratus.cli.client.ApiClient;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.output.AnswerPrinter;
import io.stratus.cli.output.Glyphs;
import java.util.Optional;

/**
 * {@code cluster balance ID --mode MODE}: changes the balancing mode in the cluster's spec. The
 * change names the resource version it was based on ({@code If-Match}), so it is refused rather
 * than lost if someone else changed the cluster in between. Not thread-safe.
 */
final class BalancingModeChange {

  private final ApiClient api;
  private final AnswerPrinter printer;
  private final Glyphs glyphs;

  BalancingModeChange(ApiClient api, AnswerPrinter printer, Glyphs glyphs) {
    this.api = api;
    this.printer = printer;
    this.glyphs = glyphs;
  }

  /** Sets the mode of cluster {@code id}, unless it has that mode already. */
  void change(String id, BalancingMode mode) {
    ApiResponse<Cluster> before = api.getCluster(id);
    BalancingMode current = before.value().spec().balancing().mode();
    if (current == mode) {
      printer.note("The balancing mode of " + id + " is " + mode.wireName() + " already.");
      if (printer.json()) {
        printer.cluster(before);
      }
      return;
    }
    long versionBefore = before.value().resourceVersion();
    Optional<ApiResponse<Cluster>> patched =
        api.patchCluster(
            id,
            new PatchClusterRequest(null, null, null, null, new BalancingRequest(mode.wireName())),
            versionBefore);
    // Every accepted change increases the version; the answer says by how much when it has a body.
    long version = patched.map(p -> p.value().resourceVersion()).orElse(versionBefore + 1);
    printer.note(
        "Balancing mode of "
            + id
            + ": "
            + current.wireName()
            + " "
            + glyphs.arrow()
            + " "
            + mode.wireName()
            + " (version "
            + version
            + ").");
    if (printer.json()) {
      printer.cluster(patched.orElseGet(() -> api.getCluster(id)));
    }
  }
}
