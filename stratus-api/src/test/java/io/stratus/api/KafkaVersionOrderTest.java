package io.stratus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaVersionOrderTest {

  @Test
  void versionsCompareAsNumbersNotText() {
    assertThat(KafkaVersionOrder.older("4.3.1", "4.4.0")).isTrue();
    assertThat(KafkaVersionOrder.older("4.9.1", "4.10.0")).as("4.10 is newer than 4.9").isTrue();
    assertThat(KafkaVersionOrder.older("4.4.0", "4.3.1")).isFalse();
    assertThat(KafkaVersionOrder.older("4.4.0", "4.4.0")).isFalse();
  }
}
