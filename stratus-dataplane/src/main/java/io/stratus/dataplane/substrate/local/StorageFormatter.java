package io.stratus.dataplane.substrate.local;

import io.stratus.dataplane.substrate.SubstrateException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Formats a node's storage with Kafka's own {@code kafka.tools.StorageTool}, run in a separate JVM
 * from the node's Kafka version. Thread-safe.
 */
final class StorageFormatter {

  private static final int OUTPUT_TAIL_LINES = 20;

  private final Path java;
  private final Duration timeout;

  StorageFormatter(Path java, Duration timeout) {
    this.java = java;
    this.timeout = timeout;
  }

  /** Whether the node's storage has been formatted. */
  static boolean isFormatted(NodePaths node) {
    return Files.exists(node.metaProperties());
  }

  /**
   * Formats the node's storage for the Kafka cluster id, unless it is formatted already.
   *
   * @throws SubstrateException if the tool fails or does not finish in time; the message carries
   *     the end of its output
   */
  void format(NodePaths node, String classpath, String kafkaClusterId) {
    if (isFormatted(node)) {
      return;
    }
    var command = BrokerCommand.formatStorage(java, classpath, kafkaClusterId, node);
    try {
      Files.createDirectories(node.logsDir());
      Process process =
          new ProcessBuilder(command)
              .directory(node.dir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(node.formatLog().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw failure(node, "did not finish within " + timeout.toSeconds() + "s");
      }
      if (process.exitValue() != 0) {
        throw failure(node, "exited with " + process.exitValue());
      }
    } catch (IOException e) {
      throw new SubstrateException(
          "cannot run Kafka's storage tool for " + node.dir() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubstrateException("interrupted while formatting storage of " + node.dir(), e);
    }
  }

  private SubstrateException failure(NodePaths node, String what) {
    return new SubstrateException(
        "formatting storage of "
            + node.dir()
            + " with Kafka's StorageTool "
            + what
            + "; fix the cause below and provision again. Output ("
            + node.formatLog()
            + "):\n"
            + tail(node.formatLog()));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
