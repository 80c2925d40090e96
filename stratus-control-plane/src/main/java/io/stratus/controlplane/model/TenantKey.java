package io.stratus.controlplane.model;

import java.time.Instant;

/**
 * A Kafka client credential of one cluster. The control plane keeps no copy of its secret.
 *
 * @param key the SCRAM username
 * @param clusterId the cluster it is for
 * @param agentId the agent its secret was sealed to
 * @param createdAt when it was issued
 */
public record TenantKey(String key, String clusterId, String agentId, Instant createdAt) {}
