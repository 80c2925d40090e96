/**
 * The optimizer: {@link io.stratus.balancer.optimizer.Optimizer} turns a {@link
 * io.stratus.balancer.model.ClusterModel} into a {@link io.stratus.balancer.plan.BalancePlan} by
 * running the goals of {@code io.stratus.balancer.goals} in priority order under {@link
 * io.stratus.balancer.optimizer.BalancerSettings}. Pure and thread-safe.
 */
package io.stratus.balancer.optimizer;
