package io.stratus.balancer.monitor;

/**
 * One partition's leader samples, summed per window in a ring of {@code windowCount + 1} slots: the
 * completed windows still in use and the current one. A slot is reused when a later window lands on
 * it. Not thread-safe.
 */
final class PartitionWindows {

  private final long[] window;
  private final double[] bytesInSum;
  private final double[] bytesOutSum;
  private final int[] samples;

  PartitionWindows(int windowCount) {
    int slots = windowCount + 1;
    window = new long[slots];
    bytesInSum = new double[slots];
    bytesOutSum = new double[slots];
    samples = new int[slots];
    java.util.Arrays.fill(window, Long.MIN_VALUE);
  }

  void add(long windowIndex, double bytesInPerSecond, double bytesOutPerSecond) {
    int slot = slot(windowIndex);
    if (window[slot] != windowIndex) {
      window[slot] = windowIndex;
      bytesInSum[slot] = 0;
      bytesOutSum[slot] = 0;
      samples[slot] = 0;
    }
    bytesInSum[slot] += bytesInPerSecond;
    bytesOutSum[slot] += bytesOutPerSecond;
    samples[slot]++;
  }

  /**
   * The mean of the per-window means over windows {@code from} to {@code to} (inclusive) that have
   * samples; {@link SampleWindows.Rates#NONE} if none has.
   */
  SampleWindows.Rates mean(long from, long to) {
    double in = 0;
    double out = 0;
    int windows = 0;
    for (long index = from; index <= to; index++) {
      int slot = slot(index);
      if (window[slot] == index && samples[slot] > 0) {
        in += bytesInSum[slot] / samples[slot];
        out += bytesOutSum[slot] / samples[slot];
        windows++;
      }
    }
    return windows == 0
        ? SampleWindows.Rates.NONE
        : new SampleWindows.Rates(in / windows, out / windows, windows);
  }

  /** The newest window with samples, or {@link Long#MIN_VALUE} if none. */
  long newestWindow() {
    long newest = Long.MIN_VALUE;
    for (int slot = 0; slot < window.length; slot++) {
      if (samples[slot] > 0) {
        newest = Math.max(newest, window[slot]);
      }
    }
    return newest;
  }

  private int slot(long windowIndex) {
    return (int) Math.floorMod(windowIndex, (long) window.length);
  }
}
