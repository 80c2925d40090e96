package io.stratus.api;

/**
 * The body of {@code POST /v1/clusters/{id}/balance}, holding what the user sent, unvalidated.
 *
 * @param action required; the wire name of a {@link BalanceAction}: {@code plan}, {@code rebalance}
 *     or {@code stop}
 */
public record BalanceRequest(String action) {}
