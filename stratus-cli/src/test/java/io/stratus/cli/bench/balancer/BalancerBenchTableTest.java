package io.stratus.cli.bench.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.GoalResult;
import io.stratus.balancer.plan.BalancePlan.Spread;
import io.stratus.balancer.plan.PartitionMove;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancerBenchTableTest {

  private static Map<Resource, Spread> spread(double excess) {
    Map<Resource, Spread> spreads = new EnumMap<>(Resource.class);
    spreads.put(Resource.REPLICAS, new Spread(600 * (1 + excess), 600));
    spreads.put(Resource.LEADERS, new Spread(200 * (1 + excess), 200));
    spreads.put(Resource.DISK, new Spread((1L << 40) * (1 + excess), 1L << 40));
    spreads.put(Resource.NETWORK_IN, new Spread((1 << 20) * (1 + excess), 1 << 20));
    spreads.put(Resource.NETWORK_OUT, new Spread((2 << 20) * (1 + excess), 2 << 20));
    return spreads;
  }

  private static BalancerBenchFigures figures() {
    BalancePlan plan =
        new BalancePlan(
            List.of(new PartitionMove("t", 0, List.of(1, 2, 3), List.of(4, 2, 3), 1, 1L << 30)),
            List.of(
                new GoalResult("RackAwareness", true, true, true, 0, 0, ""),
                new GoalResult(
                    "DiskUsageDistribution", false, false, false, 9, 1, "1 broker outside")),
            spread(0.5),
            spread(0.08),
            1L << 30,
            1234);
    return new BalancerBenchFigures(
        new BenchSize(100, 20_000, 3, 1), plan, 300L << 20, 1L << 29, spread(0.2), 10L << 30);
  }

  @Test
  void showsEachResourceBeforeAfterAndForKafkasPlacement() {
    String text = BalancerBenchTable.render(figures(), true);

    assertThat(text)
        .startsWith("100 brokers (20 new and empty), 20000 partitions, 3 racks, seed 1\n")
        .contains("max / mean  before  Stratus  Kafka round-robin")
        .containsPattern("disk\\s+1\\.500\\s+1\\.080\\s+1\\.200\\s+1\\.1 TiB\\s+1\\.0 TiB")
        .containsPattern("replicas\\s+1\\.500\\s+1\\.080\\s+1\\.200\\s+648\\s+600");
  }

  @Test
  void showsBytesAgainstTheLowerBoundTimeHeapAndUnmetGoals() {
    String text = BalancerBenchTable.render(figures(), false);

    assertThat(text)
        .contains(
            "bytes moved: Stratus 1.0 GiB, Kafka round-robin 10.0 GiB, lower bound 512.0 MiB;"
                + " Stratus / lower bound 2.00")
        .contains("moves: 1 partitions (1 replicas copied, 1 leaders changed)")
        .contains("plan time: 1234 ms; peak heap while planning: 300.0 MiB")
        .contains("not met: DiskUsageDistribution (soft, 9 -> 1 violations): 1 broker outside")
        .doesNotContain("RackAwareness");
  }
}
