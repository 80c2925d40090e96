package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class BenchTopicsTest {

  @Test
  void bothTopicsRollSixteenMebibyteSegmentsOnOneReplica() {
    List<NewTopic> topics = BenchTopics.newTopics(4);

    assertThat(topics).extracting(NewTopic::name).containsExactly("local-only", "tiered");
    assertThat(topics)
        .allSatisfy(
            topic -> {
              assertThat(topic.numPartitions()).isEqualTo(4);
              assertThat(topic.replicationFactor()).isEqualTo((short) 1);
              assertThat(topic.configs()).containsEntry("segment.bytes", "16777216");
            });
  }

  @Test
  void onlyTheTieredTopicTiersAndKeepsAlmostNothingLocally() {
    assertThat(BenchTopics.localOnlyConfig()).containsEntry("remote.storage.enable", "false");
    assertThat(BenchTopics.tieredConfig())
        .containsEntry("remote.storage.enable", "true")
        .containsEntry("local.retention.bytes", "1");
  }
}
