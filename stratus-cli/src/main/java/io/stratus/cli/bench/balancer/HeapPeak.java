package io.stratus.cli.bench.balancer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;

/**
 * The most heap an action had in use: after a full collection, every heap memory pool's peak is
 * reset to what it holds now, the action runs, and the pools' peaks are summed. Pools peak at
 * different moments, so the sum is an upper bound; it counts what was live before the action (the
 * cluster model) and garbage not yet collected. Not thread-safe: other threads allocating at the
 * same time are counted too.
 */
final class HeapPeak {

  /**
   * What an action returned and the heap it peaked at.
   *
   * @param value what the action returned
   * @param peakHeapBytes the summed peaks of the heap pools while it ran
   */
  record Measured<T>(T value, long peakHeapBytes) {}

  private HeapPeak() {}

  static <T> Measured<T> measure(Supplier<T> action) {
    List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();
    System.gc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    T value = action.get();
    long peak = 0;
    for (MemoryPoolMXBean pool : pools) {
      peak += pool.getPeakUsage().getUsed();
    }
    return new Measured<>(value, peak);
  }
}
