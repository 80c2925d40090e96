package io.stratus.controlplane.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KafkaVersionsTest {

  @Test
  void versionsCompareAsNumbersPartByPart() {
    assertThat(
            Stream.of("4.10.0", "4.4.0", "3.9.1", "4.4", "4.4.1", "4.9.10", "4.9.9")
                .sorted(KafkaVersions.OLDEST_FIRST)
                .toList())
        .isEqualTo(List.of("3.9.1", "4.4.0", "4.4", "4.4.1", "4.9.9", "4.9.10", "4.10.0"));
    assertThat(KafkaVersions.isOlder("4.3.1", "4.4.0")).isTrue();
    assertThat(KafkaVersions.isOlder("4.10.0", "4.9.0")).as("not by text").isFalse();
    assertThat(KafkaVersions.isOlder("4.4.0", "4.4")).as("a missing part counts as 0").isFalse();
    assertThat(KafkaVersions.isOlder("4.4.0-rc1", "4.4.1")).isTrue();
  }

  @Test
  void supportedVersionsAreDescribedOldestFirst() {
    KafkaVersions versions = new KafkaVersions(Set.of("4.10.0", "4.4.0", "4.9.1"), "4.4.0");

    assertThat(versions.describe()).isEqualTo("4.4.0, 4.9.1, 4.10.0");
  }

  @Test
  void theDefaultMustBeSupported() {
    assertThatThrownBy(() -> new KafkaVersions(Set.of("4.4.0"), "4.3.1"))
        .hasMessageContaining("4.3.1");
  }
}
