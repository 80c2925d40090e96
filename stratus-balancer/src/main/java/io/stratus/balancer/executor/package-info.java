/**
 * Carries out balance plans on a real cluster: throttled, batched partition reassignments, then
 * preferred leader elections, driven tick by tick from the agent's loop. {@link
 * io.stratus.balancer.executor.PlanExecutor} is the entry point; the rest are its parts.
 */
package io.stratus.balancer.executor;
