package io.stratus.cli.output;

import static io.stratus.cli.output.BalanceFixtures.AT;
import static io.stratus.cli.output.BalanceFixtures.progress;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceProgress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceProgressBarTest {

  @Test
  void atTheStartTheBarIsEmpty() {
    assertThat(BalanceProgressBar.line(progress(0)))
        .isEqualTo("[--------------------]   0%  0/12 partitions  0 B of 2.4 GiB  2 in flight");
  }

  @Test
  void halfwayTheBarIsHalfFull() {
    assertThat(BalanceProgressBar.line(progress(50)))
        .isEqualTo("[##########----------]  50%  6/12 partitions  1.2 GiB of 2.4 GiB  2 in flight");
  }

  @Test
  void atTheEndTheBarIsFull() {
    assertThat(BalanceProgressBar.line(progress(100)))
        .isEqualTo(
            "[####################] 100%  12/12 partitions  2.4 GiB of 2.4 GiB  0 in flight");
  }

  @Test
  void aLeadershipOnlyPlanCountsLeadersAndNoBytes() {
    BalanceProgress leaders =
        new BalanceProgress(
            "plan-8", "moving leaders", 0, 0, 4, 1, 0, 0, 25, List.of(), AT, Optional.empty());

    assertThat(BalanceProgressBar.line(leaders))
        .isEqualTo("[#####---------------]  25%  1/4 leaders  0 in flight");
  }
}
