package io.stratus.dataplane.substrate.local;

import java.nio.file.Path;

/**
 * Where one node's files live.
 *
 * @param dir the node's directory, {@code <root>/<clusterId>/nodes/<nodeId>}
 */
record NodePaths(Path dir) {

  /** The broker configuration; owner-only, since it holds the internal password. */
  Path serverProperties() {
    return dir.resolve("server.properties");
  }

  /** The broker's logging configuration. */
  Path loggingConfig() {
    return dir.resolve("log4j2.properties");
  }

  /** {@code log.dirs}, which also holds the metadata log. */
  Path dataDir() {
    return dir.resolve("data");
  }

  /** Written by Kafka's storage tool; its presence means the storage is formatted. */
  Path metaProperties() {
    return dataDir().resolve("meta.properties");
  }

  Path logsDir() {
    return dir.resolve("logs");
  }

  /** The process's standard output and error, appended across restarts. */
  Path stdoutLog() {
    return logsDir().resolve("stdout.log");
  }

  /** The storage tool's output. */
  Path formatLog() {
    return logsDir().resolve("format.log");
  }

  Path pidFile() {
    return dir.resolve("node.pid");
  }
}
