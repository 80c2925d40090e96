package io.stratus.cli.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The memory of the platform's processes at one moment.
 *
 * @param rssMiB the sum of their resident set sizes now ({@code VmRSS})
 * @param hwmMiB the sum of each one's own peak resident set size so far ({@code VmHWM}); the peaks
 *     need not have happened at the same time, so this bounds the true peak from above
 * @param processes how many processes of each role were counted
 */
record MemorySample(RoleMemory rssMiB, RoleMemory hwmMiB, ProcessCounts processes) {

  /** Adds up the memory of the processes found, by role. */
  static MemorySample of(Map<ProcessRole, List<ProcStatus>> statusesByRole) {
    Map<ProcessRole, Long> rss = new EnumMap<>(ProcessRole.class);
    Map<ProcessRole, Long> hwm = new EnumMap<>(ProcessRole.class);
    Map<ProcessRole, Integer> counts = new EnumMap<>(ProcessRole.class);
    statusesByRole.forEach(
        (role, statuses) -> {
          rss.put(role, statuses.stream().mapToLong(ProcStatus::rssKib).sum());
          hwm.put(role, statuses.stream().mapToLong(ProcStatus::hwmKib).sum());
          counts.put(role, statuses.size());
        });
    return new MemorySample(
        RoleMemory.ofKibibytes(rss), RoleMemory.ofKibibytes(hwm), ProcessCounts.of(counts));
  }
}
