package io.stratus.cli.bench.tiered;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the CPU time the broker process and this JVM have used so far: the broker's from Linux's
 * {@code /proc/<pid>/stat}, this JVM's from its management bean. Where either cannot be read (not
 * Linux, broker gone) the figure is unknown rather than an error: CPU costs explain throughputs but
 * are not needed for them. Stateless apart from the pid; thread-safe.
 */
final class CpuMeter {

  /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every usual platform. */
  private static final double TICKS_PER_SECOND = 100;

  private final Path proc;
  private final OptionalLong brokerPid;

  /**
   * @param brokerPid the broker's process id, if known
   */
  CpuMeter(OptionalLong brokerPid) {
    this(Path.of("/proc"), brokerPid);
  }

  CpuMeter(Path proc, OptionalLong brokerPid) {
    this.proc = proc;
    this.brokerPid = brokerPid;
  }

  /** The CPU time used so far. */
  CpuTime now() {
    double broker = brokerPid.isPresent() ? brokerSeconds(brokerPid.getAsLong()) : -1;
    return new CpuTime(broker, clientSeconds());
  }

  /**
   * User plus system time in the text of a {@code /proc/<pid>/stat} file, in seconds: fields 14 and
   * 15, counted after the command name in parentheses (which may itself hold spaces).
   */
  static OptionalDouble parseStat(String stat) {
    int afterName = stat.lastIndexOf(')');
    if (afterName < 0 || afterName + 2 > stat.length()) {
      return OptionalDouble.empty();
    }
    String[] fields = stat.substring(afterName + 2).trim().split(" +");
    if (fields.length < 13) {
      return OptionalDouble.empty();
    }
    try {
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return OptionalDouble.of(ticks / TICKS_PER_SECOND);
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private double brokerSeconds(long pid) {
    try {
      return parseStat(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat")))
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private static double clientSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? -1 : nanos / 1e9;
    }
    return -1;
  }
}
