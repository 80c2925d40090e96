package io.stratus.controlplane.model;

import java.time.Instant;

/**
 * A REST API key as the control plane keeps it: the public id and a hash of the secret.
 *
 * @param keyId the public half of the key
 * @param secretHash SHA-256 of the secret half, lowercase hex
 * @param role what the key may do
 * @param createdAt when it was issued
 */
public record PlatformKey(String keyId, String secretHash, String role, Instant createdAt) {}
