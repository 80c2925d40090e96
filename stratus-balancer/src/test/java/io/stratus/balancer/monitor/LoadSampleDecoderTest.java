package io.stratus.balancer.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.balancer.BalancerException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LoadSampleDecoderTest {

  /** A record exactly as the brokers' load reporter writes it. */
  private static final String REPORTED =
      "{\"version\":1,\"broker\":2,\"timestampMs\":1700000000123,\"intervalMs\":10000,"
          + "\"partitions\":["
          + "{\"topic\":\"orders\",\"partition\":3,\"leader\":true,\"localBytes\":4096,"
          + "\"logEndOffset\":77,\"bytesInPerSecond\":1500.5,\"bytesOutPerSecond\":300.25,"
          + "\"remoteBytes\":9},"
          + "{\"topic\":\"orders\",\"partition\":4,\"leader\":false,\"localBytes\":2048,"
          + "\"logEndOffset\":12,\"bytesInPerSecond\":0.0,\"bytesOutPerSecond\":0.0}]}";

  @Test
  void readsEveryPartitionOfABatch() {
    List<PartitionLoadSample> samples = decode(REPORTED);

    assertThat(samples)
        .containsExactly(
            new PartitionLoadSample(
                2,
                1_700_000_000_123L,
                "orders",
                3,
                true,
                4096,
                77,
                1500.5,
                300.25,
                OptionalLong.of(9)),
            new PartitionLoadSample(
                2, 1_700_000_000_123L, "orders", 4, false, 2048, 12, 0, 0, OptionalLong.empty()));
  }

  @Test
  void unknownFieldsAreIgnored() {
    String extended =
        REPORTED.replace("\"intervalMs\":10000", "\"intervalMs\":10000,\"rack\":\"a\"");

    assertThat(decode(extended)).hasSize(2);
  }

  @Test
  void anotherVersionIsRejectedNamingBoth() {
    assertThatThrownBy(() -> decode(REPORTED.replace("\"version\":1", "\"version\":2")))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void malformedRecordsAreRejectedNamingWhatIsWrong() {
    assertThatThrownBy(() -> decode("not json"))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> decode("[1]"))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> decode(REPORTED.replace("\"localBytes\":4096", "\"localBytes\":-1")))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("'localBytes' must not be negative");
    assertThatThrownBy(() -> decode(REPORTED.replace("\"topic\":\"orders\",", "")))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("'topic'");
    assertThatThrownBy(
            () ->
                decode(
                    REPORTED.replace("\"bytesInPerSecond\":1500.5", "\"bytesInPerSecond\":\"x\"")))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("'bytesInPerSecond'");
    assertThatThrownBy(() -> LoadSampleDecoder.decode(null))
        .isInstanceOf(BalancerException.class)
        .hasMessageContaining("no value");
  }

  private static List<PartitionLoadSample> decode(String json) {
    return LoadSampleDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }
}
