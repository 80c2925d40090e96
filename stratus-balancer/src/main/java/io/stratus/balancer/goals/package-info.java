/**
 * The balancer's goals, in priority order: hard ({@link
 * io.stratus.balancer.goals.ReplicaEvacuation}, {@link io.stratus.balancer.goals.RackAwareness},
 * the capacity goals) then soft (the distribution goals, {@link
 * io.stratus.balancer.goals.TopicReplicaDistribution} last), and the mutable {@link
 * io.stratus.balancer.goals.BalancingState} they judge and change.
 *
 * <p>Each goal says whether an action is acceptable to it, counts its violations, and optimizes the
 * state using only actions the goals before it accept ({@link
 * io.stratus.balancer.goals.GoalContext}). Pure: no I/O. Goal instances and states belong to one
 * optimizer run and are not thread-safe.
 */
package io.stratus.balancer.goals;
