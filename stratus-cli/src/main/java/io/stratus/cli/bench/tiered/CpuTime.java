package io.stratus.cli.bench.tiered;

/**
 * CPU time (user and system) spent by the broker and by this JVM, the client side: the producer,
 * the consumer, or the plugin running in-process. A negative figure means it could not be read.
 *
 * @param brokerSeconds CPU seconds of the broker process
 * @param clientSeconds CPU seconds of this JVM
 */
record CpuTime(double brokerSeconds, double clientSeconds) {

  static final CpuTime UNKNOWN = new CpuTime(-1, -1);

  /** The CPU time spent from {@code earlier} to this. */
  CpuTime since(CpuTime earlier) {
    return new CpuTime(
        difference(brokerSeconds, earlier.brokerSeconds),
        difference(clientSeconds, earlier.clientSeconds));
  }

  private static double difference(double later, double earlier) {
    return later < 0 || earlier < 0 ? -1 : Math.max(0, later - earlier);
  }
}
