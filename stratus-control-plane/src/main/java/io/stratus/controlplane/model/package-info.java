/**
 * The read model: an immutable image of the state log ({@link
 * io.stratus.controlplane.model.ReadModel}) and the delta that replays records into the next image
 * ({@link io.stratus.controlplane.model.ReadModelDelta}), in the manner of Kafka's {@code
 * MetadataImage} and {@code MetadataDelta}.
 */
package io.stratus.controlplane.model;
