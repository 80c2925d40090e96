package io.stratus.plugins.metrics;

/** Where the reporter's samples go: the samples topic in the broker, a list in tests. */
interface SampleSink extends AutoCloseable {

  /**
   * Hands the batch over without waiting for it to be stored.
   *
   * @return false if the batch was dropped (for example, the topic does not exist yet)
   * @throws RuntimeException if it cannot be handed over; the batch is lost
   */
  boolean publish(SampleBatch batch);

  /** Releases the sink's resources, waiting at most a short, fixed time. */
  @Override
  void close();
}
