package io.stratus.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The machine the figures were measured on.
 *
 * @param availableProcessors the processors the JVM may use
 * @param totalMemoryMiB the machine's physical memory (-1 if unknown)
 * @param loadAverageAtStart the one-minute load average when the bench started (-1 if unknown);
 *     other work on the machine slows every figure down
 * @param os name, version and architecture of the operating system
 * @param javaVersion the Java runtime of the bench (and of what it starts)
 */
public record Machine(
    int availableProcessors,
    long totalMemoryMiB,
    double loadAverageAtStart,
    String os,
    String javaVersion) {

  /** This machine, now. */
  public static Machine current() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getTotalMemorySize() / (1024 * 1024)
            : -1;
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memory,
        os.getSystemLoadAverage(),
        os.getName() + " " + os.getVersion() + " " + os.getArch(),
        Runtime.version().toString());
  }
}
