/**
 * The load model: immutable snapshots of a cluster's brokers and partitions, with the load each
 * puts on the brokers. Pure values; everything here is thread-safe.
 */
package io.stratus.balancer.model;
