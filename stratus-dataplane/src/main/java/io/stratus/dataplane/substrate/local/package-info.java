/**
 * The local process substrate: Apache Kafka KRaft nodes as separate JVM processes on this machine.
 *
 * <p>{@link io.stratus.dataplane.substrate.local.LocalSubstrate} is the entry point. The rest are
 * its parts: pure functions that decide what to write ({@code BrokerConfigFactory}, {@code
 * LayoutPlanner}, {@code BrokerCommand}, {@code NodeProcessMatcher}) and thin adapters that touch
 * files and processes ({@code LayoutStore}, {@code StorageFormatter}, {@code NodeProcessLauncher},
 * {@code NodeProcessTracker}, {@code ProcessTerminator}).
 */
package io.stratus.dataplane.substrate.local;
