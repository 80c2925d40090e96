package io.stratus.balancer.model;

import java.util.Objects;

/**
 * One broker of the model.
 *
 * @param id the Kafka broker id
 * @param rack its rack (failure domain); brokers without a configured rack each count as their own
 * @param capacity what it can carry
 * @param health whether it may take replicas and whether it must give them up
 */
public record BrokerModel(int id, String rack, BrokerCapacity capacity, BrokerHealth health) {

  public BrokerModel {
    Objects.requireNonNull(rack, "rack");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(health, "health");
  }
}
