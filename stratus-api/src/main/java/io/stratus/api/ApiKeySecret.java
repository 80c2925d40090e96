package io.stratus.api;

/**
 * A Kafka client credential for one cluster, shown once when it is created.
 *
 * @param key the SASL/SCRAM-SHA-512 username
 * @param secret the SASL/SCRAM-SHA-512 password; the platform keeps no plaintext copy
 */
public record ApiKeySecret(String key, String secret) {}
