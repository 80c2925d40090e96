package io.stratus.cli.bench;

import java.time.Duration;

/**
 * The figures of one run of {@code stratus bench platform}; also its JSON form.
 *
 * @param run the run's number, from 1
 * @param upToHealthySeconds from launching {@code stratus up} until it printed {@code Stratus is
 *     up} and {@code GET /healthz} answered 200
 * @param createToReadySeconds from {@code POST /v1/clusters} until the cluster was READY with all
 *     its brokers
 * @param peakRssMiB the largest sum of resident memory among the samples taken after READY, split
 *     by role
 * @param peakHwmMiB the sum of each process's own peak resident memory ({@code VmHWM}), the largest
 *     over the samples (each process's peak only grows, so normally the last)
 * @param processes the processes the peak-RSS sample counted
 * @param memorySamples how many samples were taken
 * @param stopSeconds from SIGTERM to {@code stratus up} until it exited
 * @param upExitCode the exit code of {@code stratus up}
 * @param leftoverProcesses processes naming the data directory that were still running after {@code
 *     stratus up} exited (the bench then stopped them); 0 is right
 */
record PlatformRun(
    int run,
    double upToHealthySeconds,
    double createToReadySeconds,
    RoleMemory peakRssMiB,
    RoleMemory peakHwmMiB,
    ProcessCounts processes,
    int memorySamples,
    double stopSeconds,
    int upExitCode,
    int leftoverProcesses) {

  /** A duration as seconds, to the millisecond. */
  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
