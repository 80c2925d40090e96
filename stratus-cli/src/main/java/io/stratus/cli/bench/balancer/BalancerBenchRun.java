package io.stratus.cli.bench.balancer;

import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.optimizer.BalancerSettings;
import io.stratus.balancer.optimizer.LoadSpread;
import io.stratus.balancer.optimizer.Optimizer;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.synthetic.LowerBound;
import io.stratus.balancer.synthetic.PlacementCost;
import io.stratus.balancer.synthetic.RoundRobinBaseline;
import io.stratus.balancer.synthetic.SyntheticCluster;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One run of {@code stratus bench balancer}: builds the synthetic cluster, plans it with default
 * settings (seeded with the run's seed) while measuring the heap, places it as Kafka's tool would,
 * and computes the lower bound. Progress goes to {@code progress}. Not thread-safe.
 */
final class BalancerBenchRun {

  private final BenchSize size;
  private final PrintWriter progress;

  BalancerBenchRun(BenchSize size, PrintWriter progress) {
    this.size = size;
    this.progress = progress;
  }

  BalancerBenchFigures run() {
    say(
        "generating %d brokers, %d partitions over %d racks (seed %d)",
        size.brokers(), size.partitions(), size.racks(), size.seed());
    ClusterModel model =
        SyntheticCluster.generate(size.brokers(), size.partitions(), size.racks(), size.seed());
    BalancerSettings settings = BalancerSettings.defaults().withSeed(size.seed());
    say("planning");
    HeapPeak.Measured<BalancePlan> planned =
        HeapPeak.measure(() -> new Optimizer(settings).optimize(model));
    say("placing as kafka-reassign-partitions --generate would");
    ClusterModel baseline = RoundRobinBaseline.assign(model, size.seed());
    return new BalancerBenchFigures(
        size,
        planned.value(),
        planned.peakHeapBytes(),
        LowerBound.bytes(model, settings.upperThreshold()),
        LoadSpread.of(baseline),
        PlacementCost.bytesToMove(model, baseline));
  }

  private void say(String format, Object... args) {
    progress.println("stratus bench balancer: " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
