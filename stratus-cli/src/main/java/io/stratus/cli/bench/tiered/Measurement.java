package io.stratus.cli.bench.tiered;

import java.util.Comparator;
import java.util.List;

/**
 * One measured step: its throughput and the CPU it cost, per MB moved.
 *
 * @param throughput bytes moved and the wall time they took
 * @param cpu CPU time the broker and this JVM spent meanwhile
 */
record Measurement(Throughput throughput, CpuTime cpu) {

  /** Broker CPU milliseconds per MB moved; negative when unknown. */
  double brokerCpuMillisPerMegabyte() {
    return perMegabyte(cpu.brokerSeconds());
  }

  /** This JVM's CPU milliseconds per MB moved; negative when unknown. */
  double clientCpuMillisPerMegabyte() {
    return perMegabyte(cpu.clientSeconds());
  }

  /**
   * The measurement with the median throughput of an odd number of them (the lower middle one of an
   * even number), with its own CPU figures.
   */
  static Measurement median(List<Measurement> measurements) {
    if (measurements.isEmpty()) {
      throw new IllegalArgumentException("no measurement to take the median of");
    }
    List<Measurement> sorted =
        measurements.stream()
            .sorted(Comparator.comparingDouble(Measurement::megabytesPerSecond))
            .toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** Both steps as one: their bytes, wall times and CPU times added up. */
  Measurement plus(Measurement other) {
    return new Measurement(
        new Throughput(
            throughput.bytes() + other.throughput.bytes(),
            throughput.elapsed().plus(other.throughput.elapsed())),
        new CpuTime(
            sum(cpu.brokerSeconds(), other.cpu.brokerSeconds()),
            sum(cpu.clientSeconds(), other.cpu.clientSeconds())));
  }

  double megabytesPerSecond() {
    return throughput.megabytesPerSecond();
  }

  private static double sum(double one, double other) {
    return one < 0 || other < 0 ? -1 : one + other;
  }

  private double perMegabyte(double seconds) {
    if (seconds < 0 || throughput.bytes() == 0) {
      return -1;
    }
    return seconds * 1000 / (throughput.bytes() / Throughput.BYTES_PER_MB);
  }
}
