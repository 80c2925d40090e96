package io.stratus.plugins.tiered.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentId;
import org.apache.kafka.server.log.remote.storage.RemoteLogSegmentMetadata;
import org.junit.jupiter.api.Test;

class SegmentObjectKeysTest {

  private static final TopicIdPartition PARTITION =
      new TopicIdPartition(
          Uuid.fromString("mEtSxnDGQfyXu0EWi1pQKg"), new TopicPartition("orders", 7));
  private static final Uuid SEGMENT = Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAQ");

  @Test
  void keysNameTopicPartitionPaddedStartOffsetAndSegmentId() {
    SegmentObjectKeys keys = SegmentObjectKeys.of("clusters/lkc-ab12cd", metadata(42));
    String base =
        "clusters/lkc-ab12cd/orders-mEtSxnDGQfyXu0EWi1pQKg/7/00000000000000000042-AAAAAAAAAAAAAAAAAAAAAQ";
    assertThat(keys.log()).isEqualTo(base + ".log");
    assertThat(keys.indexes()).isEqualTo(base + ".indexes");
    assertThat(keys.manifest()).isEqualTo(base + ".manifest");
    assertThat(keys.all()).first().isEqualTo(keys.manifest());
  }

  @Test
  void emptyPrefixStartsAtTheTopic() {
    assertThat(SegmentObjectKeys.of("", metadata(Long.MAX_VALUE)).log())
        .isEqualTo(
            "orders-mEtSxnDGQfyXu0EWi1pQKg/7/09223372036854775807-AAAAAAAAAAAAAAAAAAAAAQ.log");
  }

  private static RemoteLogSegmentMetadata metadata(long startOffset) {
    return new RemoteLogSegmentMetadata(
        new RemoteLogSegmentId(PARTITION, SEGMENT),
        startOffset,
        startOffset,
        0,
        1,
        0,
        100,
        Map.of(0, startOffset));
  }
}
