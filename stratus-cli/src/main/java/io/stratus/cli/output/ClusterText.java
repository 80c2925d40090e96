package io.stratus.cli.output;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.BrokerState;
import io.stratus.api.BrokerStatus;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The table form of API answers. Pure functions of their input. */
public final class ClusterText {

  private static final String NONE = "-";

  private ClusterText() {}

  /** {@code cluster list}: one row per cluster. */
  public static String list(ClusterList clusters) {
    if (clusters.items().isEmpty()) {
      return "No clusters yet. Create one with: stratus cluster create NAME\n";
    }
    TextTable table = new TextTable("ID", "NAME", "TYPE", "BROKERS", "PHASE", "BOOTSTRAP");
    for (Cluster cluster : clusters.items()) {
      table.row(
          cluster.id(),
          cluster.name(),
          cluster.type().wireName(),
          String.valueOf(cluster.spec().brokers()),
          cluster.status().phase().name(),
          cluster.status().bootstrap().orElse(NONE));
    }
    return table.render();
  }

  /**
   * {@code cluster describe}: the cluster's fields, the lifecycle operation in progress if any, its
   * brokers, and the data plane's message.
   */
  public static String describe(Cluster cluster) {
    TextTable fields = new TextTable("ID:", cluster.id());
    fields
        .row("Name:", cluster.name())
        .row("Type:", cluster.type().wireName())
        .row("Phase:", cluster.status().phase().name());
    cluster
        .status()
        .operation()
        .ifPresent(
            operation -> {
              fields.row("Operation:", operation(operation));
              operation.waitingFor().ifPresent(reason -> fields.row("Waiting:", reason));
            });
    fields
        .row("Bootstrap:", cluster.status().bootstrap().orElse(NONE))
        .row("Brokers:", cluster.spec().brokers() + " wanted, " + running(cluster) + " running")
        .row("Kafka version:", kafkaVersion(cluster))
        .row("Config:", config(cluster.spec().config()))
        .row("Balancing:", cluster.spec().balancing().mode().wireName())
        .row("Storage:", storage(cluster))
        .row(
            "Version:",
            cluster.resourceVersion() + " (observed " + cluster.status().observedVersion() + ")")
        .row("Created:", String.valueOf(cluster.createdAt()))
        .row("Message:", cluster.status().message().isBlank() ? NONE : cluster.status().message());
    StringBuilder text = new StringBuilder(fields.render()).append('\n');
    if (cluster.status().brokers().isEmpty()) {
      return text.append("No brokers yet.\n").toString();
    }
    TextTable brokers = new TextTable("BROKER", "HOST", "PORT", "STATE", "KAFKA");
    for (BrokerStatus broker : cluster.status().brokers()) {
      brokers.row(
          String.valueOf(broker.id()),
          broker.host(),
          String.valueOf(broker.port()),
          broker.state().name(),
          broker.kafkaVersion() == null ? NONE : broker.kafkaVersion());
    }
    return text.append(brokers.render()).toString();
  }

  /** {@code api-key create}: the credential, that it is shown only once, and how to use it. */
  public static String apiKey(String clusterId, ApiKeySecret secret) {
    return new TextTable("Cluster:", clusterId)
            .row("Key:", secret.key())
            .row("Secret:", secret.secret())
            .render()
        + "\nSave the secret now: it is shown only once and cannot be retrieved later.\n"
        + "\nKafka client properties:\n"
        + "  security.protocol=SASL_PLAINTEXT\n"
        + "  sasl.mechanism=SCRAM-SHA-512\n"
        + "  sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
        + " username=\""
        + secret.key()
        + "\" password=\""
        + secret.secret()
        + "\";\n";
  }

  /** How many of the cluster's brokers are running. */
  public static long running(Cluster cluster) {
    return cluster.status().brokers().stream()
        .filter(b -> b.state() == BrokerState.RUNNING)
        .count();
  }

  /**
   * A lifecycle operation in progress, e.g. {@code rolling restart: 1 of 3 brokers, broker 2 now
   * (33%)}.
   */
  public static String operation(LifecycleOperation operation) {
    String line =
        operationName(operation.kind())
            + ": "
            + operation.nodesDone()
            + " of "
            + operation.nodesTotal()
            + " brokers";
    return line
        + operation.node().map(node -> ", broker " + node + " now").orElse("")
        + " ("
        + operation.percent()
        + "%)";
  }

  private static String operationName(OperationKind kind) {
    return switch (kind) {
      case RESTART -> "rolling restart";
      case RECONFIGURE -> "rolling restart for broker configuration";
      case UPGRADE -> "rolling upgrade";
      case EXPAND -> "expansion";
      case SHRINK -> "shrink";
    };
  }

  /**
   * The version asked for, and in brackets what the brokers run when that differs and the finalized
   * metadata version, e.g. {@code 4.4.0 (running 4.3.1, metadata.version 30)}.
   */
  private static String kafkaVersion(Cluster cluster) {
    String wanted = cluster.spec().kafkaVersion();
    List<String> notes = new ArrayList<>();
    cluster
        .status()
        .kafkaVersion()
        .filter(running -> !running.equals(wanted))
        .ifPresent(running -> notes.add("running " + running));
    cluster
        .status()
        .metadataVersion()
        .ifPresent(version -> notes.add("metadata.version " + version));
    return notes.isEmpty() ? wanted : wanted + " (" + String.join(", ", notes) + ")";
  }

  private static String storage(Cluster cluster) {
    return cluster
        .status()
        .storage()
        .map(
            usage ->
                Bytes.readable(usage.localBytes())
                    + " on brokers, "
                    + Bytes.readable(usage.remoteBytes())
                    + " in object storage")
        .orElse(NONE);
  }

  private static String config(Map<String, String> config) {
    if (config.isEmpty()) {
      return NONE;
    }
    return new TreeMap<>(config)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
