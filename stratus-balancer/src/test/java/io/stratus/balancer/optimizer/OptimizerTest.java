package io.stratus.balancer.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.goals.DiskUsageDistribution;
import io.stratus.balancer.goals.ReplicaEvacuation;
import io.stratus.balancer.model.BrokerCapacity;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.model.PartitionModel;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.GoalResult;
import io.stratus.balancer.plan.PartitionMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OptimizerTest {

  private static final BrokerCapacity LARGE = new BrokerCapacity(1L << 40, 1e9, 1e9, 10_000);

  private final Optimizer optimizer = new Optimizer(BalancerSettings.defaults());

  private static BrokerModel broker(int id, String rack, BrokerHealth health) {
    return new BrokerModel(id, rack, LARGE, health);
  }

  /** {@code count} partitions of 1 MB, RF 3 round-robin over brokers {@code 1..brokers}. */
  private static List<PartitionModel> partitions(int count, int brokers) {
    List<PartitionModel> partitions = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      List<Integer> replicas =
          List.of(1 + p % brokers, 1 + (p + 1) % brokers, 1 + (p + 2) % brokers);
      partitions.add(
          new PartitionModel("t" + p % 5, p, replicas, replicas.get(0), 1 << 20, 0, 1e5, 1e5));
    }
    return partitions;
  }

  private static Map<String, GoalResult> byName(BalancePlan plan) {
    return plan.goals().stream().collect(Collectors.toMap(GoalResult::goal, Function.identity()));
  }

  @Test
  void drainsABrokerOntoTheOthers() {
    // Seven brokers over three racks; with broker 7 drained every rack keeps two.
    List<BrokerModel> brokers = new ArrayList<>();
    for (int id = 1; id <= 7; id++) {
      brokers.add(
          broker(id, "rack-" + id % 3, id == 7 ? BrokerHealth.DRAINING : BrokerHealth.ALIVE));
    }
    ClusterModel model = new ClusterModel(brokers, partitions(140, 7));

    BalancePlan plan = optimizer.optimize(model);

    GoalResult evacuation = byName(plan).get("ReplicaEvacuation");
    assertThat(evacuation.satisfiedBefore()).isFalse();
    assertThat(evacuation.violationsBefore()).isEqualTo(model.brokerLoads().get(7).replicas());
    assertThat(evacuation.satisfiedAfter()).isTrue();
    ClusterModel after = PlanApplication.apply(model, plan);
    assertThat(after.brokerLoads().get(7).replicas()).isZero();
    assertThat(plan.moves()).allSatisfy(m -> assertThat(m.addedBrokers()).doesNotContain(7));
    assertThat(byName(plan).get("RackAwareness").satisfiedAfter()).isTrue();
    assertThat(plan.after().get(Resource.REPLICAS).excess()).isLessThanOrEqualTo(0.1);
  }

  @Test
  void aDeadBrokersPartitionsGetNewLeadersAndNewReplicas() {
    List<BrokerModel> brokers = new ArrayList<>();
    for (int id = 1; id <= 6; id++) {
      brokers.add(broker(id, "rack-" + id % 3, id == 1 ? BrokerHealth.DEAD : BrokerHealth.ALIVE));
    }
    ClusterModel model = new ClusterModel(brokers, partitions(60, 6));

    BalancePlan plan = optimizer.optimize(model);

    assertThat(byName(plan).get("ReplicaEvacuation").satisfiedAfter()).isTrue();
    for (PartitionMove move : plan.moves()) {
      assertThat(move.newReplicas()).doesNotContain(1);
      assertThat(move.newLeader()).isNotEqualTo(1);
    }
    long ledByOne = model.partitions().stream().filter(p -> p.leader() == 1).count();
    assertThat(plan.moves().stream().filter(m -> m.oldLeader() == 1).count()).isEqualTo(ledByOne);
  }

  @Test
  void aLeadershipOnlyRebalanceCopiesNothing() {
    // Three brokers, RF 3: every broker hosts every partition, but broker 1 leads them all.
    List<BrokerModel> brokers =
        List.of(
            broker(1, "a", BrokerHealth.ALIVE),
            broker(2, "b", BrokerHealth.ALIVE),
            broker(3, "c", BrokerHealth.ALIVE));
    List<PartitionModel> partitions = new ArrayList<>();
    for (int p = 0; p < 30; p++) {
      partitions.add(new PartitionModel("t", p, List.of(1, 2, 3), 1, 1 << 20, 0, 1e5, 1e5));
    }

    BalancePlan plan = optimizer.optimize(new ClusterModel(brokers, partitions));

    assertThat(plan.moves()).isNotEmpty().allSatisfy(m -> assertThat(m.movesReplicas()).isFalse());
    assertThat(plan.bytesToMove()).isZero();
    assertThat(plan.replicaMoves()).isZero();
    assertThat(plan.leadershipMoves()).isEqualTo(plan.moves().size());
    assertThat(plan.after().get(Resource.LEADERS).max()).isLessThanOrEqualTo(11);
    assertThat(byName(plan).get("LeaderDistribution").satisfiedAfter()).isTrue();
  }

  @Test
  void aHardGoalNoPlanCanMeetIsReportedNotHidden() {
    // RF 3 on three brokers, one of them draining: its replicas have nowhere to go.
    List<BrokerModel> brokers =
        List.of(
            broker(1, "a", BrokerHealth.ALIVE),
            broker(2, "b", BrokerHealth.ALIVE),
            broker(3, "c", BrokerHealth.DRAINING));

    BalancePlan plan = optimizer.optimize(new ClusterModel(brokers, partitions(9, 3)));

    GoalResult evacuation = byName(plan).get("ReplicaEvacuation");
    assertThat(evacuation.hard()).isTrue();
    assertThat(evacuation.satisfiedAfter()).isFalse();
    assertThat(evacuation.violationsAfter()).isEqualTo(9);
    assertThat(evacuation.detail()).contains("9 replicas still on brokers").contains("add brokers");
  }

  @Test
  void diskOverCapacityEverywhereIsReported() {
    BrokerCapacity tiny = new BrokerCapacity(10L << 20, 1e9, 1e9, 10_000);
    List<BrokerModel> brokers = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      brokers.add(new BrokerModel(id, "rack-" + id, tiny, BrokerHealth.ALIVE));
    }

    BalancePlan plan = optimizer.optimize(new ClusterModel(brokers, partitions(30, 3)));

    GoalResult disk = byName(plan).get("DiskCapacity");
    assertThat(disk.satisfiedBefore()).isFalse();
    assertThat(disk.satisfiedAfter()).isFalse();
    assertThat(disk.violationsAfter()).isEqualTo(3);
    assertThat(disk.detail())
        .startsWith("3 brokers above 80% of disk capacity")
        .contains("add brokers or capacity");
  }

  @Test
  void aMovedFollowerTakesThePlaceOfTheReplicaItReplacesAndTheLeaderStaysFirst() {
    List<BrokerModel> brokers = new ArrayList<>();
    for (int id = 1; id <= 4; id++) {
      brokers.add(broker(id, "rack-" + id, id == 3 ? BrokerHealth.DRAINING : BrokerHealth.ALIVE));
    }
    PartitionModel partition =
        new PartitionModel("t", 0, List.of(1, 3, 2), 1, 1 << 20, 0, 1e5, 1e5);

    BalancePlan plan = optimizer.optimize(new ClusterModel(brokers, List.of(partition)));

    assertThat(plan.moves()).hasSize(1);
    PartitionMove move = plan.moves().get(0);
    assertThat(move.newReplicas()).containsExactly(1, 4, 2);
    assertThat(move.movesLeadership()).isFalse();
    assertThat(move.bytesToMove()).isEqualTo(1 << 20);
  }

  @Test
  void evaluateReportsHowTheGoalsStandWithoutPlanning() {
    List<BrokerModel> brokers =
        List.of(
            broker(1, "a", BrokerHealth.ALIVE),
            broker(2, "b", BrokerHealth.ALIVE),
            broker(3, "c", BrokerHealth.DRAINING));

    List<GoalResult> goals = optimizer.evaluate(new ClusterModel(brokers, partitions(9, 3)));

    assertThat(goals)
        .extracting(GoalResult::goal)
        .containsExactly(
            "ReplicaEvacuation",
            "RackAwareness",
            "ReplicaCapacity",
            "DiskCapacity",
            "NetworkInCapacity",
            "NetworkOutCapacity",
            "ReplicaDistribution",
            "LeaderDistribution",
            "DiskUsageDistribution",
            "NetworkInDistribution",
            "NetworkOutDistribution",
            "TopicReplicaDistribution");
    GoalResult evacuation = goals.get(0);
    assertThat(evacuation.violationsBefore()).isEqualTo(9).isEqualTo(evacuation.violationsAfter());
    assertThat(evacuation.satisfiedAfter()).isFalse();
  }

  @Test
  void anEmptyClusterGivesAnEmptyPlan() {
    BalancePlan plan =
        optimizer.optimize(
            new ClusterModel(List.of(broker(1, "a", BrokerHealth.ALIVE)), List.of()));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.goals()).allSatisfy(g -> assertThat(g.satisfiedAfter()).isTrue());
  }

  @Test
  void aGoalEndsWorseWithMoreViolationsOrAWorseSeverityBeyondWhatItTolerates() {
    ReplicaEvacuation evacuation = new ReplicaEvacuation();
    DiskUsageDistribution disk = new DiskUsageDistribution(0.10, 0.20);
    disk.prepare(
        io.stratus.balancer.goals.BalancingState.of(
            new ClusterModel(
                List.of(broker(1, "a", BrokerHealth.ALIVE), broker(2, "b", BrokerHealth.ALIVE)),
                List.of(new PartitionModel("t", 0, List.of(1), 1, 100, 0, 1, 1)))));

    assertThat(Optimizer.worse(evacuation, 1, 1, 2, 2)).isTrue();
    assertThat(Optimizer.worse(evacuation, 2, 2, 1, 1)).isFalse();
    assertThat(Optimizer.worse(disk, 0, 1.05, 0, 1.08)).as("still within 110 %").isFalse();
    assertThat(Optimizer.worse(disk, 1, 1.12, 1, 1.15)).isTrue();
    assertThat(Optimizer.worse(disk, 1, 1.15, 1, 1.12)).isFalse();
  }

  @Test
  void planningTimeComesFromTheClockItIsGiven() {
    long[] now = {0};
    Optimizer timed =
        new Optimizer(
            BalancerSettings.defaults(),
            () -> {
              now[0] += 7_000_000;
              return now[0];
            });

    BalancePlan plan =
        timed.optimize(new ClusterModel(List.of(broker(1, "a", BrokerHealth.ALIVE)), List.of()));

    assertThat(plan.planMillis()).isEqualTo(7);
  }
}
