package io.stratus.cli.bench;

/** Runs with chosen figures. Test support. */
final class BenchFixtures {

  private BenchFixtures() {}

  /**
   * A run of a 3-broker cluster whose memory splits as {@code platform + 400 + brokers} MiB, with a
   * peak HWM 10% above it.
   */
  static PlatformRun run(
      int number,
      double upSeconds,
      double readySeconds,
      double platformMiB,
      double brokersMiB,
      double stopSeconds,
      int leftover) {
    double total = platformMiB + 400 + brokersMiB;
    return new PlatformRun(
        number,
        upSeconds,
        readySeconds,
        new RoleMemory(platformMiB, 400, brokersMiB, 0, total),
        new RoleMemory(platformMiB * 1.1, 440, brokersMiB * 1.1, 0, total * 1.1),
        new ProcessCounts(1, 1, 3, 0),
        6,
        stopSeconds,
        143,
        leftover);
  }
}
