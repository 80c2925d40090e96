/**
 * {@code stratus bench balancer}: how the optimizer's plan for a grown synthetic cluster compares
 * with Kafka's own reassignment tool and with the fewest bytes any plan must copy, and how long and
 * how much heap planning takes.
 *
 * <p>{@link io.stratus.cli.bench.balancer.BalancerBenchCommand} reads the options; {@code
 * BalancerBenchRun} builds the cluster with {@code io.stratus.balancer.synthetic}, plans it while
 * {@code HeapPeak} measures the heap, and places it as Kafka would; the table and the JSON report
 * are pure. Nothing here touches a broker.
 */
package io.stratus.cli.bench.balancer;
