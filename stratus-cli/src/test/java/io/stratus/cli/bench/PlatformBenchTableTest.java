package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformBenchTableTest {

  private static final List<PlatformRun> RUNS =
      List.of(
          BenchFixtures.run(1, 21.34, 38.25, 412.4, 1033.1, 11.2, 0),
          BenchFixtures.run(2, 19.96, 41.0, 398.0, 1020.0, 10.04, 0));

  @Test
  void showsARowPerRunAndTheMedians() {
    String table = PlatformBenchTable.render(RUNS, PlatformMedians.of(RUNS), true);

    assertThat(table.lines())
        .containsExactly(
            "run     up→healthy s  create→READY s  peak RSS MiB  platform  system Kafka  brokers"
                + "  peak HWM MiB  stop s  leftover",
            "1               21.3            38.3          1846       412           400     1033"
                + "          2030    11.2         0",
            "2               20.0            41.0          1818       398           400     1020"
                + "          2000    10.0         0",
            "median          20.7            39.6          1832       405           400     1027"
                + "          2015    10.6         0");
  }

  @Test
  void usesAsciiArrowsWhereUnicodeCannotBeShown() {
    String table = PlatformBenchTable.render(RUNS, PlatformMedians.of(RUNS), false);

    assertThat(table).contains("up->healthy s").contains("create->READY s").doesNotContain("→");
  }

  @Test
  void showsAMedianCountThatFallsBetweenTwoRunsToATenth() {
    List<PlatformRun> runs =
        List.of(
            BenchFixtures.run(1, 20, 40, 300, 1000, 9, 0),
            BenchFixtures.run(2, 20, 40, 300, 1000, 9, 1));

    String medianRow =
        PlatformBenchTable.render(runs, PlatformMedians.of(runs), true)
            .lines()
            .filter(line -> line.startsWith("median"))
            .findFirst()
            .orElseThrow();

    assertThat(medianRow).endsWith(" 0.5");
  }

  @Test
  void everyLineIsAsWideAsTheHeaderSoColumnsLineUp() {
    String table = PlatformBenchTable.render(RUNS, PlatformMedians.of(RUNS), true);

    assertThat(table.lines().map(String::length).distinct()).hasSize(1);
    assertThat(table).endsWith("\n");
  }
}
