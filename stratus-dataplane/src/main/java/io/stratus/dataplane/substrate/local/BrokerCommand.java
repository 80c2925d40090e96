package io.stratus.dataplane.substrate.local;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the command lines of a node's processes: the broker itself and Kafka's storage tool. Pure
 * and thread-safe.
 *
 * <p>Every broker command carries {@link #nodeMarker} near its start, so that the node's process
 * can be recognised from its command line even where the operating system truncates long ones.
 */
final class BrokerCommand {

  private static final String MARKER_PROPERTY = "-Dstratus.node.config=";
  private static final int MIN_HEAP_MB = 128;

  private BrokerCommand() {}

  /**
   * The broker's command line: {@code [setsid] java <options> -cp <libs>/* kafka.Kafka
   * server.properties}. With {@code setsid} the broker runs in its own session, so a Ctrl-C in the
   * platform's terminal does not reach it; the platform stops brokers in order itself.
   */
  static List<String> broker(
      Optional<Path> setsid, Path java, int heapMb, String classpath, NodePaths node) {
    var command = new ArrayList<String>();
    setsid.ifPresent(path -> command.add(path.toString()));
    command.add(java.toString());
    command.add(nodeMarker(node.serverProperties()));
    command.add("-Xms" + Math.min(MIN_HEAP_MB, heapMb) + "m");
    command.add("-Xmx" + heapMb + "m");
    command.add("-XX:+UseG1GC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlog4j2.configurationFile=" + node.loggingConfig());
    command.add("-Dkafka.logs.dir=" + node.logsDir());
    command.add("-cp");
    command.add(classpath);
    command.add("kafka.Kafka");
    command.add(node.serverProperties().toString());
    return command;
  }

  /**
   * The broker's classpath: the jars of its Kafka version, then the platform's jars that the broker
   * must load itself (the load reporter), each named alone so that none of their dependencies comes
   * along.
   */
  static String brokerClasspath(String kafkaClasspath, List<Path> platformJars) {
    var entries = new ArrayList<String>();
    entries.add(kafkaClasspath);
    platformJars.forEach(jar -> entries.add(jar.toString()));
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Kafka's storage tool formatting the node's {@code log.dirs} for the cluster; already formatted
   * directories are left alone.
   */
  static List<String> formatStorage(
      Path java, String classpath, String kafkaClusterId, NodePaths node) {
    return List.of(
        java.toString(),
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + node.loggingConfig(),
        "-cp",
        classpath,
        "kafka.tools.StorageTool",
        "format",
        "-t",
        kafkaClusterId,
        "-c",
        node.serverProperties().toString(),
        "--ignore-formatted");
  }

  /** The argument that identifies the process of the node configured by this file. */
  static String nodeMarker(Path serverProperties) {
    return MARKER_PROPERTY + serverProperties.toAbsolutePath().normalize();
  }
}
