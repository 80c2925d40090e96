package io.stratus.plugins.tiered.format;

import java.util.List;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentId;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;

/**
 * The three object keys of one stored segment: {@code
 * <prefix>/<topic>-<topicId>/<partition>/<startOffset, 20 digits>-<segmentId>} followed by {@code
 * .log}, {@code .indexes} and {@code .manifest}. Zero-padding the start offset makes a listing of a
 * partition come back in offset order; the segment id keeps retried copies of the same offsets
 * apart.
 *
 * @param log the chunked segment
 * @param indexes all indexes in one object
 * @param manifest the JSON manifest, written last
 */
public record SegmentObjectKeys(String log, String indexes, String manifest) {

  /** Keys of the segment {@code metadata} describes, under {@code keyPrefix} (may be empty). */
  public static SegmentObjectKeys of(String keyPrefix, RemoteLogSegmentMetadata metadata) {
    RemoteLogSegmentId id = metadata.remoteLogSegmentId();
    String base =
        partitionPrefix(keyPrefix, id.topicIdPartition())
            + String.format("%020d", metadata.startOffset())
            + "-"
            + id.id();
    return new SegmentObjectKeys(base + ".log", base + ".indexes", base + ".manifest");
  }

  /** The key prefix all segments of {@code partition} share, ending with '/'. */
  public static String partitionPrefix(String keyPrefix, TopicIdPartition partition) {
    String prefix = keyPrefix.isEmpty() ? "" : keyPrefix + "/";
    return prefix
        + partition.topic()
        + "-"
        + partition.topicId()
        + "/"
        + partition.partition()
        + "/";
  }

  /** All three keys, manifest first (the order to delete them in). */
  public List<String> all() {
    return List.of(manifest, log, indexes);
  }
}
