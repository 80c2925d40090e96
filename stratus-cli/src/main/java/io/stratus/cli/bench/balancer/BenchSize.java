package io.stratus.cli.bench.balancer;

import io.stratus.cli.StratusCliException;
import picocli.CommandLine.ExitCode;

/**
 * One synthetic cluster to plan: its brokers, partitions and racks, and the seed of both the
 * cluster and the plan's tie-breaks. Validated on construction, so a bad option fails before
 * anything runs.
 *
 * @param brokers brokers, a fifth of them new and empty
 * @param partitions partitions, RF 3
 * @param racks racks the brokers are spread over, round-robin
 * @param seed the seed of the cluster, of the baseline's random start and of the optimizer
 */
record BenchSize(int brokers, int partitions, int racks, long seed) {

  static final int MAX_BROKERS = 10_000;
  static final int MAX_PARTITIONS = 2_000_000;

  /**
   * @throws StratusCliException (a usage error) naming the option that is out of range
   */
  BenchSize {
    requireWithin("--brokers", brokers, 2, MAX_BROKERS);
    requireWithin("--partitions", partitions, 1, MAX_PARTITIONS);
    requireWithin("--racks", racks, 1, brokers);
  }

  private static void requireWithin(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new StratusCliException(
          option + " must be from " + min + " to " + max + ", got " + value, ExitCode.USAGE);
    }
  }
}
