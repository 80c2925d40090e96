package io.stratus.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@code POST /v1/clusters/{id}/balance}: the request is committed and the data plane
 * will act on it. Its balancer names {@code requestId} in {@link BalanceStatus#handledRequest()}
 * once it has.
 *
 * @param clusterId the cluster
 * @param requestId identifies the request
 * @param action what was asked for
 * @param requestedAt when the control plane accepted it
 */
public record BalanceRequestReceipt(
    String clusterId, String requestId, BalanceAction action, Instant requestedAt) {

  public BalanceRequestReceipt {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
