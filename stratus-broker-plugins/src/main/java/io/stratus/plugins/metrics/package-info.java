/**
 * The load reporter, a broker plugin: {@link io.stratus.plugins.metrics.PartitionLoadReporter}
 * samples the load of every partition a broker hosts and publishes it to the platform's samples
 * topic for the balancer. Loaded by brokers from their own classpath through {@code
 * metric.reporters}; it uses only what Kafka ships (kafka-clients, the broker's metrics, Jackson).
 */
package io.stratus.plugins.metrics;
