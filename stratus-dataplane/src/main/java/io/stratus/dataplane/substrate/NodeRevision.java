package io.stratus.dataplane.substrate;

import java.util.Objects;

/**
 * What a node last started with.
 *
 * @param kafkaVersion the Apache Kafka version its process runs
 * @param generation the cluster's {@link ClusterRevision#generation()} at that start
 */
public record NodeRevision(String kafkaVersion, long generation) {

  public NodeRevision {
    Objects.requireNonNull(kafkaVersion, "kafkaVersion");
  }
}
