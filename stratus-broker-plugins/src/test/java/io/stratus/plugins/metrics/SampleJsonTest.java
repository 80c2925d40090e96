package io.stratus.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SampleJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aBatchIsWrittenWithItsVersionAndEveryField() throws Exception {
    var batch =
        new SampleBatch(
            2,
            1_700_000_000_123L,
            10_000,
            List.of(
                new PartitionSample(
                    "orders", 3, true, 4096, 77, 1500.5, 300.25, OptionalLong.of(9)),
                new PartitionSample("orders", 4, false, 2048, 12, 0, 0, OptionalLong.empty())));

    JsonNode json = JSON.readTree(SampleJson.encode(batch));

    assertThat(json.get("version").asInt()).isEqualTo(SampleJson.VERSION).isEqualTo(1);
    assertThat(json.get("broker").asInt()).isEqualTo(2);
    assertThat(json.get("timestampMs").asLong()).isEqualTo(1_700_000_000_123L);
    assertThat(json.get("intervalMs").asLong()).isEqualTo(10_000);
    JsonNode first = json.get("partitions").get(0);
    assertThat(first.get("topic").asText()).isEqualTo("orders");
    assertThat(first.get("partition").asInt()).isEqualTo(3);
    assertThat(first.get("leader").asBoolean()).isTrue();
    assertThat(first.get("localBytes").asLong()).isEqualTo(4096);
    assertThat(first.get("logEndOffset").asLong()).isEqualTo(77);
    assertThat(first.get("bytesInPerSecond").asDouble()).isEqualTo(1500.5);
    assertThat(first.get("bytesOutPerSecond").asDouble()).isEqualTo(300.25);
    assertThat(first.get("remoteBytes").asLong()).isEqualTo(9);
    assertThat(json.get("partitions").get(1).has("remoteBytes"))
        .as("unknown remote bytes are left out, not written as 0")
        .isFalse();
  }

  @Test
  void topicNamesAreEscaped() throws Exception {
    var batch =
        new SampleBatch(
            0,
            1,
            1,
            List.of(new PartitionSample("a\"b", 0, false, 0, 0, 0, 0, OptionalLong.empty())));

    assertThat(
            JSON.readTree(SampleJson.encode(batch)).get("partitions").get(0).get("topic").asText())
        .isEqualTo("a\"b");
  }

  @Test
  void largeBatchesAreSplitIntoBoundedRecordsKeepingTheirHeader() {
    var samples = new ArrayList<PartitionSample>();
    for (int p = 0; p < 450; p++) {
      samples.add(new PartitionSample("t", p, true, 1, 1, 1, 1, OptionalLong.empty()));
    }
    var batch = new SampleBatch(1, 99, 10, samples);

    List<SampleBatch> parts = batch.split(200);

    assertThat(parts).extracting(b -> b.partitions().size()).containsExactly(200, 200, 50);
    assertThat(parts).allSatisfy(b -> assertThat(b.timestampMs()).isEqualTo(99));
    assertThat(parts.get(2).partitions().get(49).partition()).isEqualTo(449);
    assertThat(SampleJson.encode(parts.get(0)).length)
        .as("a full record stays a few tens of KiB")
        .isLessThan(64 * 1024);
    assertThatThrownBy(() -> batch.split(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
