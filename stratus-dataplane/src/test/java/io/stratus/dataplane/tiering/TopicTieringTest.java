package io.stratus.dataplane.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTieringTest {

  @Test
  void aPlainTopicLeftAtKafkasDefaultIsTiered() {
    assertThat(new TopicTiering("orders", "delete", false, false).shouldEnable()).isTrue();
  }

  @Test
  void compactedTopicsAreNotTieredSinceKafkaCannotTierThem() {
    assertThat(new TopicTiering("state", "compact", false, false).shouldEnable()).isFalse();
    assertThat(new TopicTiering("state", "compact,delete", false, false).shouldEnable()).isFalse();
  }

  @Test
  void aTopicWhoseOwnerTurnedTieringOffStaysOff() {
    assertThat(new TopicTiering("local-only", "delete", false, true).shouldEnable()).isFalse();
  }

  @Test
  void internalAndAlreadyTieredTopicsAreLeftAlone() {
    assertThat(new TopicTiering("__consumer_offsets", "delete", false, false).shouldEnable())
        .isFalse();
    assertThat(new TopicTiering("orders", "delete", true, false).shouldEnable()).isFalse();
  }
}
