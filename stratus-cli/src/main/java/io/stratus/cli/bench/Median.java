package io.stratus.cli.bench;

import java.util.Collection;

/** The median of a set of figures. Pure. */
final class Median {

  private Median() {}

  /**
   * The middle value of {@code values}; for an even count, the mean of the two middle values.
   *
   * @throws IllegalArgumentException if there are no values
   */
  static double of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("the median of no values is undefined");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
