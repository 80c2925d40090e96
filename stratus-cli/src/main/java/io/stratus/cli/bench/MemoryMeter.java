package io.stratus.cli.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the memory of one platform under test: the {@code stratus up} JVM and every process
 * whose command line names its data directory. Stateless and thread-safe.
 */
final class MemoryMeter {

  private final ProcFileSystem proc;
  private final DataDirectoryMatch match;
  private final long platformPid;

  MemoryMeter(ProcFileSystem proc, DataDirectoryMatch match, long platformPid) {
    this.proc = proc;
    this.match = match;
    this.platformPid = platformPid;
  }

  /** The memory of those processes now; one that exits while it is read is left out. */
  MemorySample sample() {
    Map<ProcessRole, List<ProcStatus>> byRole = new EnumMap<>(ProcessRole.class);
    for (ProcessEntry process : proc.processes()) {
      if (process.pid() != platformPid && !match.matches(process)) {
        continue;
      }
      Optional<ProcStatus> status = proc.status(process.pid());
      status.ifPresent(
          found ->
              byRole
                  .computeIfAbsent(match.roleOf(process, platformPid), role -> new ArrayList<>())
                  .add(found));
    }
    return MemorySample.of(byRole);
  }
}
