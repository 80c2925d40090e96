package io.stratus.cli.bench.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.api.StratusJson;
import io.stratus.cli.testing.CliRun;
import io.stratus.cli.testing.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's options and what a small run prints and writes; it plans in-process. */
class BalancerBenchCommandTest {

  private static final List<String> RESOURCES =
      List.of("replicas", "leaders", "disk", "networkIn", "networkOut");

  @TempDir Path temp;

  @Test
  void benchHelpListsBalancer() {
    Result result = CliRun.run(CliRun.environment(), "bench", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("balancer");
  }

  @Test
  void helpNamesItsOptionsDefaultsAndHowHeapIsMeasured() {
    Result result = CliRun.run(CliRun.environment(), "bench", "balancer", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains("--scale=small|medium|large")
        .contains("--brokers=N")
        .contains("--partitions=P")
        .contains("--racks=R")
        .contains("default: 3")
        .contains("--seed=S")
        .contains("default: 1")
        .contains("target/bench/balancer.json")
        .contains("small (10 brokers, 2,000 partitions), medium (100, 20,000) and large (1,000,")
        .contains("the heap pools' peaks are reset")
        .contains("STRATUS_JAVA_OPTS=-Xmx4g");
  }

  @Test
  void anUnknownScaleIsAUsageErrorNamingTheChoices() {
    Result result = CliRun.run(CliRun.environment(), "bench", "balancer", "--scale", "huge");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "Invalid value for option '--scale': expected small, medium or large, got 'huge'");
  }

  @Test
  void brokersWithoutPartitionsIsAUsageError() {
    Result result = CliRun.run(CliRun.environment(), "bench", "balancer", "--brokers", "10");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--brokers and --partitions go together");
  }

  @Test
  void aScaleAndSizesTogetherIsAUsageError() {
    Result result =
        CliRun.run(
            CliRun.environment(),
            "bench",
            "balancer",
            "--scale",
            "SMALL",
            "--brokers",
            "10",
            "--partitions",
            "100");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("give either --scale or --brokers and --partitions");
  }

  @Test
  void moreRacksThanBrokersIsAUsageError() {
    Result result =
        CliRun.run(
            CliRun.environment(),
            "bench",
            "balancer",
            "--brokers",
            "4",
            "--partitions",
            "100",
            "--racks",
            "5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--racks must be from 1 to 4, got 5");
  }

  @Test
  void aRunPrintsTheComparisonAndWritesEveryFigure() throws IOException {
    Path json = temp.resolve("out/balancer.json");

    Result result =
        CliRun.run(
            CliRun.environment(),
            "bench",
            "balancer",
            "--brokers",
            "10",
            "--partitions",
            "600",
            "--racks",
            "5",
            "--seed",
            "7",
            "--json",
            json.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("JVM max heap")
        .contains("10 brokers (2 new and empty), 600 partitions, 5 racks, seed 7")
        .contains("Kafka round-robin")
        .contains("Stratus / lower bound")
        .contains("peak heap while planning")
        .contains("Figures written to " + json);
    assertThat(result.err()).contains("planning");

    JsonNode report = StratusJson.mapper().readTree(json.toFile());
    assertThat(report.path("benchmark").asText()).isEqualTo("balancer");
    assertThat(report.path("maxHeapBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
    JsonNode run = report.path("runs").get(0);
    assertThat(run.path("brokers").asInt()).isEqualTo(10);
    assertThat(run.path("partitions").asInt()).isEqualTo(600);
    assertThat(run.path("racks").asInt()).isEqualTo(5);
    assertThat(run.path("seed").asLong()).isEqualTo(7);
    for (String key :
        List.of(
            "planMillis",
            "peakHeapBytes",
            "moves",
            "bytesMoved",
            "lowerBoundBytes",
            "baselineBytesMoved")) {
      assertThat(run.path(key).isNumber()).as(key).isTrue();
    }
    assertThat(run.path("peakHeapBytes").asLong()).isPositive();
    assertThat(run.path("moves").asInt()).isPositive();
    assertThat(run.path("bytesMoved").asLong()).isPositive();
    for (String spread : List.of("before", "after", "baseline")) {
      assertThat(run.path(spread).fieldNames()).toIterable().containsExactlyElementsOf(RESOURCES);
      for (String resource : RESOURCES) {
        JsonNode figure = run.path(spread).path(resource);
        assertThat(figure.path("max").isNumber()).as(spread + "." + resource).isTrue();
        assertThat(figure.path("mean").isNumber()).as(spread + "." + resource).isTrue();
      }
    }
    assertThat(run.path("after").path("disk").path("max").asDouble())
        .isLessThan(run.path("before").path("disk").path("max").asDouble());
    assertThat(run.path("bytesMoved").asLong()).isLessThan(run.path("baselineBytesMoved").asLong());
  }

  @Test
  void withoutSizesTheThreeScalesRunInTurn() {
    BalancerBenchCommand command = new BalancerBenchCommand(CliRun.environment());
    picocli.CommandLine line = new picocli.CommandLine(command);
    line.parseArgs("--racks", "4");

    assertThat(command.sizes())
        .containsExactly(
            new BenchSize(10, 2_000, 4, 1),
            new BenchSize(100, 20_000, 4, 1),
            new BenchSize(1_000, 200_000, 4, 1));
  }
}
