package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Launches a node's broker as a separate JVM, detached into its own session where {@code setsid}
 * exists, with its output appended to {@code logs/stdout.log}. Thread-safe.
 */
final class NodeProcessLauncher {

  private final Path java;
  private final int heapMb;
  private final Optional<Path> setsid;
  private final Map<String, String> environment;

  NodeProcessLauncher(
      Path java, int heapMb, Optional<Path> setsid, Map<String, String> environment) {
    this.java = java;
    this.heapMb = heapMb;
    this.setsid = setsid;
    this.environment = Map.copyOf(environment);
  }

  /** Starts the broker and returns its process; does not wait for it to serve. */
  ProcessHandle launch(NodePaths node, String classpath) {
    var command = BrokerCommand.broker(setsid, java, heapMb, classpath, node);
    try {
      Files.createDirectories(node.logsDir());
      var builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      Process process =
          builder
              .directory(node.dir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(node.stdoutLog().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      return process.toHandle();
    } catch (IOException e) {
      throw new SubstrateException(
          "cannot launch "
              + java
              + " for "
              + node.dir()
              + ": "
              + e
              + ". Check the java executable.",
          e);
    }
  }

  /** The {@code setsid} program on the {@code PATH}, if there is one. */
  static Optional<Path> findSetsid() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "setsid"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
