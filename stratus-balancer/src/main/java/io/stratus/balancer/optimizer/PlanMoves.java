package io.stratus.balancer.optimizer;

import io.stratus.balancer.goals.BalancingState;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition moves that take the model to the optimized state: one per partition whose brokers
 * or leader changed. A new replica list keeps every surviving replica in its position and puts each
 * new replica where the replica it replaces was; only then is the planned leader swapped to the
 * front, so the leader stays first unless leadership was planned to move.
 */
final class PlanMoves {

  private PlanMoves() {}

  static List<PartitionMove> of(BalancingState state) {
    List<PartitionMove> moves = new ArrayList<>();
    for (int p = 0; p < state.partitionCount(); p++) {
      int rf = state.replicationFactor(p);
      boolean brokersChanged = false;
      for (int i = 0; i < rf; i++) {
        brokersChanged |= state.replicaBroker(p, i) != state.initialReplicaBroker(p, i);
      }
      int leader = state.replicaBroker(p, state.leaderPosition(p));
      int initialLeader = state.initialReplicaBroker(p, state.initialLeaderPosition(p));
      if (!brokersChanged && leader == initialLeader) {
        continue;
      }
      PartitionModel partition = state.partition(p);
      List<Integer> replicas = new ArrayList<>(rf);
      for (int i = 0; i < rf; i++) {
        replicas.add(state.brokerId(state.replicaBroker(p, i)));
      }
      int leaderPosition = state.leaderPosition(p);
      if (leaderPosition != 0) {
        Integer first = replicas.get(0);
        replicas.set(0, replicas.get(leaderPosition));
        replicas.set(leaderPosition, first);
      }
      long added = replicas.stream().filter(b -> !partition.replicas().contains(b)).count();
      moves.add(
          new PartitionMove(
              partition.topic(),
              partition.partition(),
              partition.replicas(),
              replicas,
              partition.leader(),
              partition.localBytes() * added));
    }
    return moves;
  }
}
