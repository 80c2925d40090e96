package io.stratus.controlplane;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BrokerBalance;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterSpec;
import io.stratus.api.ClusterStatus;
import io.stratus.api.ClusterType;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.SealedSecrets;
import io.stratus.api.StatusEvent;
import io.stratus.controlplane.command.CommandContext;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import io.stratus.controlplane.validation.BrokerConfigAllowlist;
import io.stratus.controlplane.validation.ClusterRequestRules;
import io.stratus.controlplane.validation.KafkaVersions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Values shared by the control plane's tests. */
public final class TestData {

  public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final KafkaVersions VERSIONS = new KafkaVersions(Set.of("4.3.1", "4.4.0"), "4.4.0");

  private static KeyPair agentKeys;

  private TestData() {}

  /** One RSA key pair for every test agent; generating one takes a while. */
  public static synchronized KeyPair agentKeys() {
    if (agentKeys == null) {
      agentKeys = SealedSecrets.newKeyPair();
    }
    return agentKeys;
  }

  public static ClusterRequestRules rules() {
    return new ClusterRequestRules(VERSIONS, BrokerConfigAllowlist.standard());
  }

  public static CommandContext context(long seed) {
    return new CommandContext(CLOCK, new Random(seed), new Random(seed + 1));
  }

  public static ClusterSpec spec(String name, int brokers) {
    return new ClusterSpec(name, ClusterType.DEDICATED, brokers, "4.4.0", Map.of());
  }

  public static DesiredCluster cluster(String id, String name, int brokers) {
    return new DesiredCluster(id, spec(name, brokers), 1, false, NOW);
  }

  public static DesiredRecord put(DesiredCluster cluster) {
    return new DesiredRecord.Put(new DesiredEvent.ClusterChanged(cluster));
  }

  public static StatusEvent.AgentRegistered agent(String agentId, Instant at) {
    return new StatusEvent.AgentRegistered(
        agentId, SealedSecrets.encodePublicKey(agentKeys().getPublic()), at);
  }

  public static ClusterStatus status(ClusterPhase phase, long observedVersion, String message) {
    return new ClusterStatus(
        phase,
        Optional.of("127.0.0.1:19092"),
        Optional.of("4.4.0"),
        List.of(),
        message,
        observedVersion);
  }

  public static StatusRecord report(String clusterId, ClusterStatus status) {
    return new StatusRecord.Put(new StatusEvent.ClusterReported(clusterId, status, NOW));
  }

  public static StatusRecord removed(String clusterId) {
    return new StatusRecord.Tombstone(StatusEvent.clusterKey(clusterId));
  }

  /** A balancer report of one broker, in {@code state}, with {@code handledRequest} if given. */
  public static BalanceStatus balance(BalanceState state, String message, String handledRequest) {
    return new BalanceStatus(
        state,
        BalancingMode.ANY_UNEVEN_LOAD,
        message,
        List.of(new BrokerBalance(0, "ALIVE", 3, 1, 1024, 10, 20)),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(handledRequest),
        NOW);
  }

  public static StatusRecord balanceReport(String clusterId, BalanceStatus status) {
    return new StatusRecord.Put(new StatusEvent.BalanceReported(clusterId, status, NOW));
  }

  public static DesiredRecord balanceRequest(
      String clusterId, String requestId, BalanceAction action) {
    return new DesiredRecord.Put(
        new DesiredEvent.BalanceRequested(clusterId, requestId, action, NOW));
  }
}
