/**
 * The state log on Kafka: topic creation, the transactional writer of desired state, and the {@code
 * read_committed} readers that rebuild the read model and follow the status topic.
 */
package io.stratus.controlplane.log.kafka;
