package io.stratus.plugins.tiered.format;

import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentId;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;

/**
 * Which segment a manifest describes, as Kafka named it when copying.
 *
 * @param topic topic name
 * @param topicId Kafka's topic id
 * @param partition partition number
 * @param segmentId the {@link RemoteLogSegmentId} uuid, unique per copy attempt
 * @param startOffset first offset in the segment
 * @param endOffset last offset in the segment
 */
public record SegmentIdentity(
    String topic,
    String topicId,
    int partition,
    String segmentId,
    long startOffset,
    long endOffset) {

  /** The identity of the segment {@code metadata} describes. */
  public static SegmentIdentity of(RemoteLogSegmentMetadata metadata) {
    RemoteLogSegmentId id = metadata.remoteLogSegmentId();
    return new SegmentIdentity(
        id.topicIdPartition().topic(),
        id.topicIdPartition().topicId().toString(),
        id.topicIdPartition().partition(),
        id.id().toString(),
        metadata.startOffset(),
        metadata.endOffset());
  }
}
