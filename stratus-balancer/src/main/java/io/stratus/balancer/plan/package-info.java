/**
 * What the optimizer proposes and the executor carries out: per-partition changes of replicas and
 * leadership. Pure values; thread-safe.
 */
package io.stratus.balancer.plan;
