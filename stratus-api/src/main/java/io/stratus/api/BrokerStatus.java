package io.stratus.api;

/**
 * One broker of a cluster.
 *
 * @param id the Kafka node id
 * @param host the host clients connect to
 * @param port the client (SASL/SCRAM) port
 * @param state what the process is doing
 * @param kafkaVersion the Apache Kafka version this broker runs
 */
public record BrokerStatus(int id, String host, int port, BrokerState state, String kafkaVersion) {}
