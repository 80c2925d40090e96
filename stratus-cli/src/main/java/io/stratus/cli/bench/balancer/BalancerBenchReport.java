package io.stratus.cli.bench.balancer;

import io.stratus.api.StratusJson;
import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.Spread;
import io.stratus.cli.bench.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code stratus bench balancer --json FILE} writes: where it ran, the heap it ran with, and
 * one entry per cluster planned.
 *
 * @param benchmark always {@code balancer}
 * @param startedAt when the bench started
 * @param machine the machine it ran on
 * @param maxHeapBytes the JVM's maximum heap ({@code -Xmx}), which bounds what a run may use
 * @param runs one per cluster planned, smallest first
 */
record BalancerBenchReport(
    String benchmark, Instant startedAt, Machine machine, long maxHeapBytes, List<Run> runs) {

  BalancerBenchReport {
    runs = List.copyOf(runs);
  }

  /**
   * One cluster planned. Load figures are per alive broker: the most loaded one ({@code max}) and
   * the mean, in replicas, leaders, bytes, or bytes per second.
   *
   * @param brokers brokers in the cluster, a fifth of them new and empty
   * @param partitions partitions, RF 3
   * @param racks racks
   * @param seed the seed of the cluster, the baseline and the optimizer
   * @param planMillis how long the optimizer took, from model to plan
   * @param peakHeapBytes the heap in use while planning, model included (summed pool peaks)
   * @param moves partitions the plan changes
   * @param replicaMoves replicas the plan creates on new brokers
   * @param leadershipMoves partitions whose leader the plan changes
   * @param bytesMoved local bytes the plan copies
   * @param lowerBoundBytes the bytes any plan must copy for disk to come within 10 % of the mean
   * @param bytesToLowerBound bytesMoved over lowerBoundBytes
   * @param before the load before the plan
   * @param after the load after the plan
   * @param baseline the load after Kafka's round-robin reassignment of every topic
   * @param baselineBytesMoved the local bytes that reassignment copies
   * @param goals how each goal stood before and after the plan
   */
  record Run(
      int brokers,
      int partitions,
      int racks,
      long seed,
      long planMillis,
      long peakHeapBytes,
      int moves,
      int replicaMoves,
      int leadershipMoves,
      long bytesMoved,
      long lowerBoundBytes,
      double bytesToLowerBound,
      Map<String, Figure> before,
      Map<String, Figure> after,
      Map<String, Figure> baseline,
      long baselineBytesMoved,
      List<Goal> goals) {

    static Run of(BalancerBenchFigures figures) {
      BalancePlan plan = figures.plan();
      BenchSize size = figures.size();
      return new Run(
          size.brokers(),
          size.partitions(),
          size.racks(),
          size.seed(),
          plan.planMillis(),
          figures.peakHeapBytes(),
          plan.moves().size(),
          plan.replicaMoves(),
          plan.leadershipMoves(),
          plan.bytesToMove(),
          figures.lowerBoundBytes(),
          Math.round(figures.bytesToLowerBound() * 1000) / 1000.0,
          byKey(plan.before()),
          byKey(plan.after()),
          byKey(figures.baseline()),
          figures.baselineBytesMoved(),
          plan.goals().stream()
              .map(g -> new Goal(g.goal(), g.hard(), g.violationsBefore(), g.violationsAfter()))
              .toList());
    }
  }

  /**
   * The most loaded alive broker and the mean.
   *
   * @param max the most loaded alive broker's load
   * @param mean the mean load of alive brokers
   */
  record Figure(double max, double mean) {}

  /**
   * One goal's violations before and after the plan.
   *
   * @param name the goal
   * @param hard whether it must hold
   * @param violationsBefore brokers, partitions or topic and broker pairs violating it before
   * @param violationsAfter the same after
   */
  record Goal(String name, boolean hard, int violationsBefore, int violationsAfter) {}

  static BalancerBenchReport of(
      Instant startedAt, Machine machine, long maxHeapBytes, List<BalancerBenchFigures> runs) {
    return new BalancerBenchReport(
        "balancer", startedAt, machine, maxHeapBytes, runs.stream().map(Run::of).toList());
  }

  private static Map<String, Figure> byKey(Map<Resource, Spread> spreads) {
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (Resource resource : Resource.values()) {
      Spread spread = spreads.get(resource);
      figures.put(resource.key(), new Figure(spread.max(), spread.mean()));
    }
    return figures;
  }

  /** Writes the report as indented JSON to {@code file}, creating its parent directories. */
  void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(
        file, StratusJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }
}
