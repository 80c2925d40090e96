/**
 * The Stratus control plane: it decides what should exist and never touches a broker.
 *
 * <p>{@link io.stratus.controlplane.ControlPlane} wires the parts together. Requests arrive over
 * HTTP ({@code http}), are authenticated ({@code auth}), checked ({@code validation}) and turned
 * into events by pure decisions ({@code command}). A single command thread appends those events to
 * the state log ({@code log}, on Kafka in {@code log.kafka}) and only then replays them into the
 * immutable read model ({@code model}) that every answer is read from.
 */
package io.stratus.controlplane;
