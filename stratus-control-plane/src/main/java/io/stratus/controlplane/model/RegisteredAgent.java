package io.stratus.controlplane.model;

import java.time.Instant;

/**
 * A data plane agent that announced itself on the status topic.
 *
 * @param agentId its stable identifier
 * @param publicKey the RSA public key secrets for it are sealed with, X.509 DER, base64
 * @param registeredAt when it last (re)started
 */
public record RegisteredAgent(String agentId, String publicKey, Instant registeredAt) {}
