/**
 * Made-up clusters and the figures to judge a plan by: {@link
 * io.stratus.balancer.synthetic.SyntheticCluster} builds a grown cluster with skewed load, {@link
 * io.stratus.balancer.synthetic.RoundRobinBaseline} places it as Kafka's own reassignment tool
 * would, {@link io.stratus.balancer.synthetic.LowerBound} says how many bytes any plan must copy,
 * and {@link io.stratus.balancer.synthetic.PlacementCost} what a placement change copies. Used by
 * {@code stratus bench balancer} and by tests. Pure and thread-safe.
 */
package io.stratus.balancer.synthetic;
