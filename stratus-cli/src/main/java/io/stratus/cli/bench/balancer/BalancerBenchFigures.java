package io.stratus.cli.bench.balancer;

import io.stratus.balancer.model.Resource;
import io.stratus.balancer.plan.BalancePlan;
import io.stratus.balancer.plan.BalancePlan.Spread;
import java.util.Map;

/**
 * What one run measured: the optimizer's plan and the heap it took, the placement Kafka's tool
 * would propose, and the bytes any plan must copy.
 *
 * @param size the cluster planned
 * @param plan the optimizer's plan, with its spreads before and after and its planning time
 * @param peakHeapBytes the heap in use while planning (see {@link HeapPeak})
 * @param lowerBoundBytes the bytes any plan must copy to bring disk within 10 % of the mean
 * @param baseline the spread after Kafka's round-robin placement
 * @param baselineBytesMoved the bytes that placement copies
 */
record BalancerBenchFigures(
    BenchSize size,
    BalancePlan plan,
    long peakHeapBytes,
    long lowerBoundBytes,
    Map<Resource, Spread> baseline,
    long baselineBytesMoved) {

  /** The plan's bytes over the lower bound; 0 when nothing needed to move. */
  double bytesToLowerBound() {
    return lowerBoundBytes == 0 ? 0 : (double) plan.bytesToMove() / lowerBoundBytes;
  }
}
