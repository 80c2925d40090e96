package io.stratus.cli.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The median of each figure over the runs of {@code stratus bench platform}, taken figure by figure
 * (so the medians need not come from the same run); also their JSON form. Fields mean what they
 * mean in {@link PlatformRun}.
 */
record PlatformMedians(
    double upToHealthySeconds,
    double createToReadySeconds,
    RoleMemory peakRssMiB,
    RoleMemory peakHwmMiB,
    double stopSeconds,
    double leftoverProcesses) {

  /**
   * The medians of {@code runs}.
   *
   * @throws IllegalArgumentException if there are no runs
   */
  static PlatformMedians of(List<PlatformRun> runs) {
    return new PlatformMedians(
        median(runs, PlatformRun::upToHealthySeconds),
        median(runs, PlatformRun::createToReadySeconds),
        medianMemory(runs.stream().map(PlatformRun::peakRssMiB).toList()),
        medianMemory(runs.stream().map(PlatformRun::peakHwmMiB).toList()),
        median(runs, PlatformRun::stopSeconds),
        median(runs, PlatformRun::leftoverProcesses));
  }

  private static RoleMemory medianMemory(List<RoleMemory> memory) {
    return new RoleMemory(
        median(memory, RoleMemory::platform),
        median(memory, RoleMemory::systemKafka),
        median(memory, RoleMemory::tenantBrokers),
        median(memory, RoleMemory::other),
        median(memory, RoleMemory::total));
  }

  private static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
    return Median.of(values.stream().map(value -> figure.applyAsDouble(value)).toList());
  }
}
