/**
 * The control plane's state log: the compacted desired-state topic it alone writes in transactions,
 * and the status topic the agents write. {@link io.stratus.controlplane.log.EventLog} is the port;
 * {@code log.kafka} holds the Kafka adapter and {@link
 * io.stratus.controlplane.log.InMemoryEventLog} an in-memory one for tests.
 */
package io.stratus.controlplane.log;
