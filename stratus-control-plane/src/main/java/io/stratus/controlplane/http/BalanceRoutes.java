package io.stratus.controlplane.http;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequest;
import io.stratus.api.BalanceStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.controlplane.command.BalanceCommands;
import io.stratus.controlplane.command.Rejection;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.validation.BalanceRequestRules;
import io.stratus.controlplane.validation.Validation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The balancer calls of REST API v1: a cluster's balance status, and requests to its balancer.
 * Reads answer from the current image of the read model; requests run as commands. Thread-safe.
 */
final class BalanceRoutes {

  private final Supplier<ReadModel> model;
  private final CommandCalls calls;
  private final BalanceCommands balance;

  BalanceRoutes(Supplier<ReadModel> model, CommandCalls calls, BalanceCommands balance) {
    this.model = model;
    this.calls = calls;
    this.balance = balance;
  }

  /**
   * {@code GET /v1/clusters/{id}/balance}: what the balancer last reported, or, until it has
   * reported, a {@code COLLECTING} status saying so, in the mode the spec asks for and dated at the
   * cluster's creation.
   */
  Response get(String id) {
    ReadModel image = model.get();
    Optional<DesiredCluster> cluster = image.desiredCluster(id);
    if (cluster.isEmpty()) {
      return ClusterRoutes.notFound(id);
    }
    BalanceStatus status =
        image
            .balance(id)
            .orElseGet(
                () ->
                    BalanceStatus.notReported(
                        cluster.get().spec().balancing().mode(), cluster.get().createdAt()));
    return new Response.Json(200, status);
  }

  /** {@code POST /v1/clusters/{id}/balance} with {@code {"action":"plan|rebalance|stop"}}. */
  Response request(String id, byte[] body) {
    Validation<BalanceRequest> request = RequestBodies.balanceRequest(body);
    if (request instanceof Validation.Invalid<BalanceRequest> invalid) {
      return CommandCalls.refusal(Rejection.invalid(invalid.violation()));
    }
    Validation<BalanceAction> action =
        BalanceRequestRules.action(((Validation.Valid<BalanceRequest>) request).value());
    if (action instanceof Validation.Invalid<BalanceAction> invalid) {
      return CommandCalls.refusal(Rejection.invalid(invalid.violation()));
    }
    BalanceAction valid = ((Validation.Valid<BalanceAction>) action).value();
    return calls.call(
        (image, context) -> balance.request(image, context, id, valid),
        202,
        receipt -> Map.of("Location", "/v1/clusters/" + id + "/balance"));
  }
}
