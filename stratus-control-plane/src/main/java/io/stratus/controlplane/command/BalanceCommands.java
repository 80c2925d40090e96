package io.stratus.controlplane.command;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.Identifiers;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides requests to a cluster's balancer: a dry-run plan, a rebalance now, or a stop. Each
 * accepted request replaces the cluster's previous one on the desired-state topic; the data plane
 * acts on it and names it in its balance report. Whether there is anything to plan or stop is for
 * the balancer to say, so any action on a live cluster is accepted. Pure, immutable and
 * thread-safe.
 */
public final class BalanceCommands {

  /** A request for the balancer, unless the cluster is unknown or being deleted. */
  public Decision<BalanceRequestReceipt> request(
      ReadModel model, CommandContext context, String clusterId, BalanceAction action) {
    Optional<DesiredCluster> cluster = model.desiredCluster(clusterId);
    if (cluster.isEmpty()) {
      return Decision.reject(ClusterLookups.unknown(clusterId));
    }
    if (cluster.get().deleting()) {
      return Decision.reject(
          ClusterLookups.deleting(cluster.get(), "ask its balancer to " + action.wireName()));
    }
    String requestId = newRequestId(model, context, clusterId);
    DesiredEvent.BalanceRequested requested =
        new DesiredEvent.BalanceRequested(clusterId, requestId, action, context.now());
    return Decision.accept(
        List.of(new DesiredRecord.Put(requested)),
        new BalanceRequestReceipt(clusterId, requestId, action, requested.requestedAt()));
  }

  /**
   * An id unlike the cluster's latest request and the one its balancer last handled: the balancer
   * acts on a request only if it has not handled one with the same id.
   */
  private static String newRequestId(ReadModel model, CommandContext context, String clusterId) {
    Set<String> taken = new HashSet<>();
    model.balanceRequest(clusterId).ifPresent(r -> taken.add(r.requestId()));
    model.balance(clusterId).flatMap(BalanceStatus::handledRequest).ifPresent(taken::add);
    String id = Identifiers.newBalanceRequestId(context.ids());
    while (taken.contains(id)) {
      id = Identifiers.newBalanceRequestId(context.ids());
    }
    return id;
  }
}
