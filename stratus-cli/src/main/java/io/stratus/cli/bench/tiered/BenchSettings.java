package io.stratus.cli.bench.tiered;

import io.stratus.cli.StratusCliException;
import picocli.CommandLine.ExitCode;

/**
 * What one run of {@code stratus bench tiered-storage} is asked to do: how much to write to each
 * topic, over how many partitions, and whether tiered segments are encrypted. Validated on
 * construction, so a bad option fails before anything starts. Every partition gets at least one
 * whole segment ({@link BenchTopics#SEGMENT_BYTES}), or nothing would tier.
 *
 * @param megabytes MB (2^20 bytes) of values written to each of the two topics
 * @param partitions partitions of each topic
 * @param encryption whether the object store holds encrypted segments
 */
record BenchSettings(int megabytes, int partitions, Encryption encryption) {

  static final int MAX_MEGABYTES = 100 * 1024;
  static final int MAX_PARTITIONS = 256;

  /**
   * @throws StratusCliException (a usage error) naming the option that is out of range
   */
  BenchSettings {
    requireWithin("--megabytes", megabytes, 1, MAX_MEGABYTES);
    requireWithin("--partitions", partitions, 1, MAX_PARTITIONS);
    long perPartition = BenchTopics.SEGMENT_BYTES / (1024 * 1024);
    if (megabytes < perPartition * partitions) {
      throw new StratusCliException(
          "--megabytes must be at least "
              + perPartition
              + " per partition ("
              + perPartition * partitions
              + " for --partitions "
              + partitions
              + "), so that every partition closes a segment to tier; got "
              + megabytes,
          ExitCode.USAGE);
    }
    if (encryption == null) {
      throw new StratusCliException("--encryption must be on or off", ExitCode.USAGE);
    }
  }

  /** Records written to each topic: one 1 KiB value per KiB asked for. */
  long records() {
    return (long) megabytes * 1024;
  }

  /** Key and value bytes written to each topic. */
  long payloadBytes() {
    return records() * RecordPayloads.RECORD_BYTES;
  }

  private static void requireWithin(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new StratusCliException(
          option + " must be from " + min + " to " + max + ", got " + value, ExitCode.USAGE);
    }
  }
}
