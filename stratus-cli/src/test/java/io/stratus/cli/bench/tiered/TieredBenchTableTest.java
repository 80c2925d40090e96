package io.stratus.cli.bench.tiered;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.bench.Machine;
import org.junit.jupiter.api.Test;

class TieredBenchTableTest {

  private static String render(TieredBenchFigures figures, Machine machine, boolean unicode) {
    return TieredBenchTable.render(figures, TieredFixtures.settings(), machine, unicode);
  }

  @Test
  void showsEveryThroughputWithRemoteReadsAsAShareOfTheLocalReadAndTheirCpuCost() {
    String text = render(TieredFixtures.figures(), TieredFixtures.machine(), true);

    assertThat(text.lines())
        .startsWith(
            "measure                          MB/s  seconds  vs local  broker CPU ms/MB"
                + "  client CPU ms/MB",
            "produce, both topics, acks=all   80.0     5.00                         2.0"
                + "               4.0",
            "upload, plugin in-process       128.0     1.50                           -"
                + "               3.5",
            "read local-only topic           400.0     0.50      100%               1.0"
                + "               1.5",
            "read tiered topic, cold cache   320.0     0.63       80%               5.5"
                + "               1.5",
            "read tiered topic, warm cache   400.0     0.50      100%               2.5"
                + "               1.5",
            "");
  }

  @Test
  void namesTheMachineTheSizesAndWhetherTheGoalIsMet() {
    String text = render(TieredFixtures.figures(), TieredFixtures.machine(), true);

    assertThat(text)
        .contains("reads: the median of 3 (local, warm) or a single one (cold);")
        .contains("machine: 2 processors, load average 1.50 at start\n")
        .contains(
            "data: 200 MB per topic (204800 records of 8-byte key and 1024-byte value),"
                + " 4 partitions, encryption off\n")
        .contains(
            "upload: 12 closed segments, 192.0 MB stored as 96.0 MB (50%), one segment at a"
                + " time, broker stopped\n")
        .contains(
            "tiered topic: 94% of its records read from the object store; tiered 24s after the"
                + " last write\n")
        .endsWith("goal: cold remote read ≥ 80% of local read: met (80%)\n");
  }

  @Test
  void saysWhenTheColdReadMissesTheGoal() {
    TieredBenchFigures slowCold =
        TieredFixtures.figures(TieredFixtures.measurement(200, 2000, 6.0, 1.5));

    String text = render(slowCold, TieredFixtures.machine(), true);

    assertThat(text)
        .contains("read tiered topic, cold cache   100.0     2.00       25%               6.0")
        .endsWith("goal: cold remote read ≥ 80% of local read: not met (25%)\n");
  }

  @Test
  void usesAsciiWhereUnicodeCannotBeShown() {
    String text = render(TieredFixtures.figures(), TieredFixtures.machine(), false);

    assertThat(text).contains("cold remote read >= 80%").doesNotContain("≥");
  }

  @Test
  void tableLinesLineUp() {
    String table =
        render(TieredFixtures.figures(), TieredFixtures.machine(), true).split("\n\n")[0];

    assertThat(table.lines().map(String::length).distinct()).hasSize(1);
  }

  @Test
  void anUnknownLoadAverageIsSaidSo() {
    Machine noLoad = new Machine(2, -1, -1, "Linux", "17");

    assertThat(render(TieredFixtures.figures(), noLoad, true))
        .contains("load average unknown at start");
  }
}
