package io.stratus.cli.output;

import static io.stratus.cli.output.BalanceFixtures.plan;
import static io.stratus.cli.output.BalanceFixtures.progress;
import static io.stratus.cli.output.BalanceFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequestReceipt;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceTextTest {

  @Test
  void theStatusShowsStateBrokersAndGoals() {
    String text =
        BalanceText.status(
            status(BalanceState.UNBALANCED, "uneven load, but the mode is off"), Glyphs.UNICODE);

    assertThat(text.lines())
        .startsWith(
            "State:     UNBALANCED",
            "Mode:      any-uneven-load",
            "Message:   uneven load, but the mode is off",
            "Updated:   2026-01-01T00:00:00Z",
            "Progress:  -",
            "",
            "BROKER  STATE     REPLICAS  LEADERS  DISK       NET IN       NET OUT",
            "0       ALIVE     12        4        3.0 GiB    1.0 MiB/s    2.0 MiB/s",
            "1       ALIVE     10        4        2.0 GiB    512.0 KiB/s  1.0 MiB/s",
            "2       DRAINING  2         0        512.0 MiB  0 B/s        0 B/s",
            "",
            "Goals:",
            "  ✓ RackAwareness (hard)",
            "  ✗ ReplicaDistribution (soft, 2 violations): broker 0 holds 12 replicas, limit 9");
    assertThat(text).doesNotContain("Last plan:");
  }

  @Test
  void whileMovingTheStatusShowsTheProgressBarAndTheLastPlan() {
    String text =
        BalanceText.status(
            status(
                BalanceState.MOVING,
                "moving 6 of 12 partitions",
                Optional.of(plan(false, 12)),
                Optional.of(progress(50)),
                Optional.empty()),
            Glyphs.UNICODE);

    assertThat(text)
        .contains(
            "Progress:  [##########----------]  50%  6/12 partitions  1.2 GiB of 2.4 GiB  2 in"
                + " flight  (plan plan-7, moving replicas)");
    assertThat(text.lines())
        .containsSequence(
            "Last plan: plan-7, trigger: broker 2 draining, made 2026-01-01T00:00:00Z",
            "  12 partitions, 12 replica moves, 1 leadership move, 1.2 GiB to copy, planned in"
                + " 35 ms",
            "  LOAD      MAX                MEAN",
            "  replicas  12 → 9             8 → 8",
            "  disk      3.0 GiB → 2.5 GiB  2.0 GiB → 2.0 GiB");
    assertThat(text).as("the status leaves the moves out").doesNotContain("TOPIC");
  }

  @Test
  void aFinishedRebalanceSaysWhenItEnded() {
    String text =
        BalanceText.status(
            status(
                BalanceState.BALANCED,
                "",
                Optional.of(plan(false, 12)),
                Optional.of(progress(100)),
                Optional.empty()),
            Glyphs.UNICODE);

    assertThat(text)
        .contains("Message:   -")
        .contains(
            "Progress:  [####################] 100%  12/12 partitions  2.4 GiB of 2.4 GiB  0 in"
                + " flight  (plan plan-7, ended 2026-01-01T00:01:30Z)");
  }

  @Test
  void aDryRunPlanListsItsMoves() {
    String text =
        BalanceText.plan(
            status(
                BalanceState.UNBALANCED,
                "",
                Optional.of(plan(true, 2)),
                Optional.empty(),
                Optional.of("br-1")),
            Glyphs.UNICODE);

    assertThat(text.lines())
        .containsExactly(
            "Plan: plan-7 (dry run), trigger: broker 2 draining, made 2026-01-01T00:00:00Z",
            "  2 partitions, 2 replica moves, 1 leadership move, 1.2 GiB to copy, planned in"
                + " 35 ms",
            "  LOAD      MAX                MEAN",
            "  replicas  12 → 9             8 → 8",
            "  disk      3.0 GiB → 2.5 GiB  2.0 GiB → 2.0 GiB",
            "",
            "TOPIC   PARTITION  FROM  TO",
            "orders  0          0,2   1,0",
            "orders  1          0,2   1,0");
  }

  @Test
  void aLongPlanSaysHowManyMovesAreNotShown() {
    String text =
        BalanceText.plan(
            status(
                BalanceState.UNBALANCED,
                "",
                Optional.of(plan(true, 80)),
                Optional.empty(),
                Optional.of("br-1")),
            Glyphs.UNICODE);

    assertThat(text.lines().filter(line -> line.startsWith("orders"))).hasSize(50);
    assertThat(text).endsWith("... and 30 more partitions (the first 50 are shown)\n");
  }

  @Test
  void withoutAPlanTheReasonIsGiven() {
    assertThat(
            BalanceText.plan(
                status(BalanceState.COLLECTING, "3 of 10 load samples"), Glyphs.UNICODE))
        .isEqualTo("The balancer made no plan (COLLECTING): 3 of 10 load samples\n");
  }

  @Test
  void aClusterWithoutMeasurementsSaysSo() {
    String text =
        BalanceText.status(
            BalanceStatus.notReported(BalancingMode.OFF, BalanceFixtures.AT), Glyphs.UNICODE);

    assertThat(text)
        .contains("State:     COLLECTING")
        .contains("Mode:      off")
        .contains("Message:   no balancer report from the data plane yet")
        .contains("No broker load measured yet.")
        .contains("Goals: none evaluated yet.");
  }

  @Test
  void asciiGlyphsStandInWhereUnicodeCannotBeShown() {
    String text =
        BalanceText.status(
            status(
                BalanceState.UNBALANCED,
                "",
                Optional.of(plan(false, 1)),
                Optional.empty(),
                Optional.empty()),
            Glyphs.ASCII);

    assertThat(text)
        .contains("  ok RackAwareness (hard)")
        .contains("  x ReplicaDistribution")
        .contains("12 -> 9")
        .doesNotContain("✓")
        .doesNotContain("→");
  }

  @Test
  void aReceiptSaysHowToFollowTheRequest() {
    assertThat(
            BalanceText.receipt(
                new BalanceRequestReceipt(
                    "lkc-ab12cd", "br-1", BalanceAction.REBALANCE, BalanceFixtures.AT)))
        .isEqualTo(
            "Asked the balancer of lkc-ab12cd to rebalance (request br-1).\n"
                + "Follow it with: stratus cluster balance lkc-ab12cd --watch\n");
  }
}
