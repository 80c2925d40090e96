/**
 * The substrate SPI: the small interface through which the data plane runs Kafka nodes, whatever
 * runs them (local processes, Kubernetes pods).
 *
 * <p>A {@link io.stratus.dataplane.substrate.Substrate} provisions a cluster's nodes from a {@link
 * io.stratus.dataplane.substrate.ClusterPlan}, keeps the resulting {@link
 * io.stratus.dataplane.substrate.ClusterLayout}, and starts, stops, adds and removes single nodes.
 * The lifecycle logic (roll, upgrade, expand, shrink) is written once against it.
 */
package io.stratus.dataplane.substrate;
