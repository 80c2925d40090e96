package io.stratus.cli.bench;

import io.stratus.cli.bench.balancer.BalancerBenchCommand;
import io.stratus.cli.bench.tiered.TieredStorageBenchCommand;
import picocli.CommandLine.Command;

/** {@code stratus bench}: the group of benchmarks that measure the platform on this machine. */
@Command(
    name = "bench",
    description = {
      "Measure the platform on this machine. Each benchmark prints a table and writes its "
          + "figures as JSON; none passes or fails on a time."
    },
    subcommands = {
      PlatformBenchCommand.class,
      TieredStorageBenchCommand.class,
      BalancerBenchCommand.class
    })
public final class BenchCommand {}
