package io.stratus.dataplane.lifecycle;

import java.util.Objects;

/**
 * One node of a cluster as Kafka and the substrate see it.
 *
 * @param nodeId the KRaft node id
 * @param broker whether it runs a broker
 * @param controller whether it is a voter of the metadata quorum
 * @param condition whether it serves
 */
public record NodeHealth(int nodeId, boolean broker, boolean controller, NodeCondition condition) {

  public NodeHealth {
    Objects.requireNonNull(condition, "condition");
  }
}
