package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TieredBenchReportTest {

  @TempDir Path temp;

  @Test
  void writesEveryFigureAsFlatJsonCreatingTheDirectory() throws IOException {
    TieredBenchReport report =
        TieredBenchReport.of(
            Instant.parse("2026-03-01T10:00:00Z"),
            TieredFixtures.machine(),
            new BenchSettings(200, 4, Encryption.ON),
            TieredFixtures.figures(),
            Map.of("remote.fetch.max.wait.ms", "2000"));
    Path file = temp.resolve("target/bench/tiered-storage.json");

    report.writeTo(file);

    JsonNode json = StratusJson.mapper().readTree(file.toFile());
    assertThat(json.path("benchmark").asText()).isEqualTo("tiered-storage");
    assertThat(json.path("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(json.path("machine").path("availableProcessors").asInt()).isEqualTo(2);
    assertThat(json.path("megabytes").asInt()).isEqualTo(200);
    assertThat(json.path("partitions").asInt()).isEqualTo(4);
    assertThat(json.path("encryption").asText()).as("as on the command line").isEqualTo("on");
    assertThat(json.path("records").asLong()).isEqualTo(204_800);
    assertThat(json.path("produceMBps").asDouble()).isEqualTo(80.0);
    assertThat(json.path("uploadMBps").asDouble()).isEqualTo(128.0);
    assertThat(json.path("localReadMBps").asDouble()).isEqualTo(400.0);
    assertThat(json.path("remoteColdReadMBps").asDouble()).isEqualTo(320.0);
    assertThat(json.path("remoteWarmReadMBps").asDouble()).isEqualTo(400.0);
    assertThat(json.path("coldToLocalRatio").asDouble()).isEqualTo(0.8);
    assertThat(json.path("warmToLocalRatio").asDouble()).isEqualTo(1.0);
    assertThat(json.path("uploadedSegments").asInt()).isEqualTo(12);
    assertThat(json.path("uploadedBytes").asLong()).isEqualTo(192 * TieredFixtures.MB);
    assertThat(json.path("uploadStoredBytes").asLong()).isEqualTo(96 * TieredFixtures.MB);
    assertThat(json.path("tieredRemoteShare").asDouble()).isEqualTo(0.9375);
    assertThat(json.path("tieringSeconds").asDouble()).isEqualTo(24.0);
    JsonNode cpu = json.path("cpuMillisPerMB");
    assertThat(cpu.path("localRead").path("broker").asDouble()).isEqualTo(1.0);
    assertThat(cpu.path("remoteColdRead").path("broker").asDouble()).isEqualTo(5.5);
    assertThat(cpu.path("remoteWarmRead").path("client").asDouble()).isEqualTo(1.5);
    assertThat(cpu.path("upload").path("broker").asDouble()).as("unknown").isEqualTo(-1);
    assertThat(cpu.path("produce").path("client").asDouble()).isEqualTo(4.0);
    assertThat(json.path("brokerOverrides").path("remote.fetch.max.wait.ms").asText())
        .isEqualTo("2000");
  }

  @Test
  void roundsThroughputsToHundredthsAndRatiosToFourDecimals() {
    TieredBenchFigures figures =
        TieredFixtures.figures(TieredFixtures.measurement(200, 1500, 5.0, 1.0));

    TieredBenchReport report =
        TieredBenchReport.of(
            Instant.EPOCH, TieredFixtures.machine(), TieredFixtures.settings(), figures, Map.of());

    assertThat(report.remoteColdReadMBps()).isEqualTo(133.33);
    assertThat(report.coldToLocalRatio()).isEqualTo(0.3333);
  }
}
