package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.StratusJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformBenchReportTest {

  @TempDir Path temp;

  @Test
  void writesEveryRunAndTheMediansAsJsonCreatingTheDirectory() throws IOException {
    List<PlatformRun> runs =
        List.of(
            BenchFixtures.run(1, 21.5, 38.0, 412.0, 1033.0, 11.0, 0),
            BenchFixtures.run(2, 19.5, 42.0, 398.0, 1020.0, 10.0, 0));
    PlatformBenchReport report =
        new PlatformBenchReport(
            "platform",
            Instant.parse("2026-03-01T10:00:00Z"),
            new Machine(2, 24_000, 1.5, "Linux 6.1 amd64", "17.0.12"),
            new PlatformBenchReport.Settings(2, 3, 6, 2.0),
            runs,
            PlatformMedians.of(runs));
    Path file = temp.resolve("target/bench/platform.json");

    report.writeTo(file);

    JsonNode json = StratusJson.mapper().readTree(file.toFile());
    assertThat(json.path("benchmark").asText()).isEqualTo("platform");
    assertThat(json.path("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(json.path("machine").path("availableProcessors").asInt()).isEqualTo(2);
    assertThat(json.path("settings").path("brokers").asInt()).isEqualTo(3);
    assertThat(json.path("runs")).hasSize(2);
    JsonNode first = json.path("runs").path(0);
    assertThat(first.path("run").asInt()).isEqualTo(1);
    assertThat(first.path("upToHealthySeconds").asDouble()).isEqualTo(21.5);
    assertThat(first.path("createToReadySeconds").asDouble()).isEqualTo(38.0);
    assertThat(first.path("peakRssMiB").path("tenantBrokers").asDouble()).isEqualTo(1033.0);
    assertThat(first.path("peakRssMiB").path("total").asDouble()).isEqualTo(1845.0);
    assertThat(first.path("peakHwmMiB").path("systemKafka").asDouble()).isEqualTo(440.0);
    assertThat(first.path("processes").path("tenantBrokers").asInt()).isEqualTo(3);
    assertThat(first.path("leftoverProcesses").asInt()).isZero();
    assertThat(json.path("median").path("upToHealthySeconds").asDouble()).isEqualTo(20.5);
    assertThat(json.path("median").path("peakRssMiB").path("platform").asDouble()).isEqualTo(405.0);
  }

  @Test
  void describesThisMachine() {
    Machine machine = Machine.current();

    assertThat(machine.availableProcessors()).isPositive();
    assertThat(machine.javaVersion()).isNotBlank();
    assertThat(machine.os()).isNotBlank();
  }
}
