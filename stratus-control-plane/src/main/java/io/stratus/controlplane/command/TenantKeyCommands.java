package io.stratus.controlplane.command;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.SealedSecrets;
import io.stratus.controlplane.auth.RandomText;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.model.RegisteredAgent;
import java.util.List;
import java.util.Optional;

/**
 * Decides issuing Kafka client credentials (SASL/SCRAM username and password) for a cluster. The
 * password is sealed to the most recently registered agent, so the log carries only what that agent
 * can open; the plaintext exists only in the answer. Pure and thread-safe.
 */
public final class TenantKeyCommands {

  /** Length of a key: {@code A-Z 0-9}. */
  public static final int KEY_LENGTH = 16;

  /** Length of a secret: {@code A-Z a-z 0-9}. */
  public static final int SECRET_LENGTH = 64;

  private static final int KEY_ATTEMPTS = 100;

  /**
   * A new credential for the cluster, unless it is unknown or being deleted, or no agent is known.
   */
  public Decision<ApiKeySecret> issue(ReadModel model, CommandContext context, String clusterId) {
    Optional<DesiredCluster> cluster = model.desiredCluster(clusterId);
    if (cluster.isEmpty()) {
      return Decision.reject(ClusterLookups.unknown(clusterId));
    }
    if (cluster.get().deleting()) {
      return Decision.reject(ClusterLookups.deleting(cluster.get(), "issue API keys for it"));
    }
    Optional<RegisteredAgent> agent = model.latestAgent();
    if (agent.isEmpty()) {
      return Decision.reject(
          Rejection.unavailable("no data plane agent has registered yet; try again shortly"));
    }
    String key = newKey(model, context);
    String secret = RandomText.of(context.secrets(), RandomText.ALPHANUMERICS, SECRET_LENGTH);
    String sealed;
    try {
      sealed = SealedSecrets.seal(agent.get().publicKey(), secret);
    } catch (IllegalArgumentException e) {
      return Decision.reject(
          Rejection.unavailable(
              "data plane agent '"
                  + agent.get().agentId()
                  + "' registered a public key that cannot seal secrets; it must register again"));
    }
    DesiredEvent issued =
        new DesiredEvent.TenantKeyIssued(
            key, clusterId, agent.get().agentId(), sealed, context.now());
    return Decision.accept(List.of(new DesiredRecord.Put(issued)), new ApiKeySecret(key, secret));
  }

  private static String newKey(ReadModel model, CommandContext context) {
    for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
      String key = RandomText.of(context.secrets(), RandomText.UPPER_ALPHANUMERICS, KEY_LENGTH);
      if (model.tenantKey(key).isEmpty()) {
        return key;
      }
    }
    throw new IllegalStateException(
        "no unused key after " + KEY_ATTEMPTS + " attempts; is the random source broken?");
  }
}
