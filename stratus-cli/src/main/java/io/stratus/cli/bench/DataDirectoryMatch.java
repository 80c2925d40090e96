package io.stratus.cli.bench;

import java.nio.file.Path;

/**
 * Recognises the processes of one platform under test by its data directory, which every one of
 * them names on its command line: {@code stratus up --data-dir <dir>}, and each Kafka node's {@code
 * -Dstratus.node.config=<dir>/.../server.properties}. Pure and thread-safe.
 */
final class DataDirectoryMatch {

  private final String directory;
  private final String inside;
  private final String system;
  private final String clusters;

  /**
   * @param dataDirectory the data directory, absolute and normalized, as it was given to {@code
   *     stratus up}
   */
  DataDirectoryMatch(Path dataDirectory) {
    this.directory = dataDirectory.toString();
    this.inside = directory + "/";
    this.system = inside + "system/";
    this.clusters = inside + "clusters/";
  }

  /**
   * Whether one of the process's arguments is the data directory or names something inside it. A
   * sibling that merely starts with the same text ({@code data2} for {@code data}) does not count.
   */
  boolean matches(ProcessEntry process) {
    return process.arguments().stream()
        .anyMatch(
            argument ->
                argument.equals(directory)
                    || argument.endsWith("=" + directory)
                    || argument.contains(inside));
  }

  /**
   * The role of a process that {@link #matches} or is the platform itself ({@code platformPid}).
   */
  ProcessRole roleOf(ProcessEntry process, long platformPid) {
    if (process.pid() == platformPid) {
      return ProcessRole.PLATFORM;
    }
    if (mentions(process, system)) {
      return ProcessRole.SYSTEM_KAFKA;
    }
    if (mentions(process, clusters)) {
      return ProcessRole.TENANT_BROKER;
    }
    return ProcessRole.OTHER;
  }

  private static boolean mentions(ProcessEntry process, String text) {
    return process.arguments().stream().anyMatch(argument -> argument.contains(text));
  }
}
