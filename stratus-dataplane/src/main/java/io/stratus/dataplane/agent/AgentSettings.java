package io.stratus.dataplane.agent;

import io.stratus.dataplane.balance.BalancerRuntimeSettings;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent runs.
 *
 * @param stateClientConfig bootstrap servers and security settings of the control plane's Kafka
 * @param stateReplicationFactor the replication factor of the state topics, if the agent creates
 *     them
 * @param agentDirectory where the agent keeps its identity
 * @param agentId the id the agent registers under
 * @param tick how often every cluster is reconciled
 * @param stopGrace how long a broker gets to shut down before it is killed
 * @param clock the source of timestamps in status events
 * @param objectStore where the substrate's clusters tier segments; empty when they do not
 * @param balancing how the agent keeps its clusters balanced
 */
public record AgentSettings(
    Map<String, Object> stateClientConfig,
    short stateReplicationFactor,
    Path agentDirectory,
    String agentId,
    Duration tick,
    Duration stopGrace,
    Clock clock,
    Optional<ObjectStoreLocation> objectStore,
    BalancerRuntimeSettings balancing) {

  public AgentSettings {
    stateClientConfig = Map.copyOf(stateClientConfig);
    Objects.requireNonNull(objectStore, "objectStore");
    Objects.requireNonNull(balancing, "balancing");
  }
}
