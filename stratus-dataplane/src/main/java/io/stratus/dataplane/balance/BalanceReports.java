package io.stratus.dataplane.balance;

import io.stratus.api.BalanceProgress;
import io.stratus.api.BrokerBalance;
import io.stratus.api.GoalStatus;
import io.stratus.api.LoadSpread;
import io.stratus.api.PartitionReassignment;
import io.stratus.api.PlanSummary;
import io.stratus.balancer.executor.ExecutionProgress;
import io.stratus.balancer.executor.InFlightMove;
import io.stratus.balancer.model.BrokerLoad;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.PartitionMove;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the balancer's own values into the API's status records. Pure; thread-safe. */
final class BalanceReports {

  private BalanceReports() {}

  /** Each broker's load, from the model's already derived {@code loads}. */
  static List<BrokerBalance> brokers(ClusterModel model, Map<Integer, BrokerLoad> loads) {
    return model.brokers().stream()
        .sorted(Comparator.comparingInt(BrokerModel::id))
        .map(
            broker -> {
              BrokerLoad load = loads.get(broker.id());
              return new BrokerBalance(
                  broker.id(),
                  broker.health().name(),
                  load.replicas(),
                  load.leaders(),
                  load.diskBytes(),
                  load.networkInBytesPerSecond(),
                  load.networkOutBytesPerSecond());
            })
        .toList();
  }

  static List<GoalStatus> goals(List<BalancePlan.GoalResult> results) {
    return results.stream()
        .map(
            r ->
                new GoalStatus(
                    r.goal(), r.hard(), r.satisfiedAfter(), r.violationsAfter(), r.detail()))
        .toList();
  }

  static PlanSummary summary(
      String planId, String trigger, boolean dryRun, Instant at, BalancePlan plan) {
    List<PartitionReassignment> moves =
        plan.moves().stream()
            .limit(PlanSummary.MAX_MOVES)
            .map(BalanceReports::reassignment)
            .toList();
    return new PlanSummary(
        planId,
        trigger,
        dryRun,
        at,
        plan.replicaMoves(),
        plan.leadershipMoves(),
        plan.bytesToMove(),
        plan.planMillis(),
        spreads(plan.before()),
        spreads(plan.after()),
        plan.moves().size(),
        moves);
  }

  static Optional<BalanceProgress> progress(ExecutionProgress p) {
    if (p.planId().isEmpty() || p.started().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BalanceProgress(
            p.planId(),
            p.phase().name(),
            p.replicaMovesTotal(),
            p.replicaMovesDone(),
            p.leadershipMovesTotal(),
            p.leadershipMovesDone(),
            p.bytesTotal(),
            p.bytesDone(),
            (int) Math.floor(p.percentDone()),
            p.inFlight().stream().map(BalanceReports::reassignment).toList(),
            p.started().get(),
            p.finished()));
  }

  private static Map<String, LoadSpread> spreads(Map<Resource, BalancePlan.Spread> spreads) {
    Map<String, LoadSpread> out = new LinkedHashMap<>();
    for (Resource resource : Resource.values()) {
      BalancePlan.Spread spread = spreads.get(resource);
      if (spread != null) {
        out.put(resource.key(), new LoadSpread(spread.max(), spread.mean()));
      }
    }
    return out;
  }

  private static PartitionReassignment reassignment(PartitionMove move) {
    return new PartitionReassignment(
        move.topic(), move.partition(), move.oldReplicas(), move.newReplicas());
  }

  private static PartitionReassignment reassignment(InFlightMove move) {
    return new PartitionReassignment(move.topic(), move.partition(), move.from(), move.to());
  }
}
