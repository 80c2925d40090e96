package io.stratus.cli.wait;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterPhase;
import io.stratus.api.StratusJson;
import io.stratus.cli.StratusCliException;
import io.stratus.cli.client.ApiResponse;
import io.stratus.cli.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClusterWaiterTest {

  private static final String ID = "lkc-ab12cd";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final StringWriter err = new StringWriter();
  private final ClusterWaiter waiter =
      new ClusterWaiter(clock, clock::advance, new ProgressLine(new PrintWriter(err), false, true));

  @Test
  void finishesWhenReadyAtTheWrittenVersionPollingOnceASecond() {
    Lookups lookups =
        new Lookups(
            cluster(ID, ClusterPhase.READY, 3, 3, 2, 1, ""),
            cluster(ID, ClusterPhase.UPDATING, 5, 3, 2, 2, "starting broker 3"),
            cluster(ID, ClusterPhase.UPDATING, 5, 4, 2, 2, "starting broker 4"),
            cluster(ID, ClusterPhase.READY, 5, 5, 2, 2, ""));

    Optional<ApiResponse<Cluster>> last =
        waiter.await(lookups, new WaitCondition.Ready(ID, 2), Duration.ofMinutes(10));

    assertThat(last).map(r -> r.value().status().phase()).contains(ClusterPhase.READY);
    assertThat(lookups.calls).isEqualTo(4);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
    assertThat(err.toString().lines())
        .containsExactly(
            "lkc-ab12cd READY 3/3 brokers running (0s)",
            "lkc-ab12cd UPDATING 3/5 brokers running — starting broker 3 (1s)",
            "lkc-ab12cd UPDATING 4/5 brokers running — starting broker 4 (2s)");
  }

  @Test
  void failsWithTheDataPlanesMessage() {
    Lookups lookups =
        new Lookups(
            cluster(ID, ClusterPhase.PROVISIONING, 3, 0, 1, 1, "starting 3 brokers"),
            cluster(ID, ClusterPhase.FAILED, 3, 1, 1, 1, "broker 1 exited: port 19093 in use"));

    assertThatThrownBy(
            () -> waiter.await(lookups, new WaitCondition.Ready(ID, 1), Duration.ofMinutes(10)))
        .isInstanceOf(StratusCliException.class)
        .hasMessage("cluster lkc-ab12cd FAILED: broker 1 exited: port 19093 in use")
        .satisfies(e -> assertThat(((StratusCliException) e).exitCode()).isEqualTo(1));
  }

  @Test
  void timesOutSayingWhatItWaitedForAndWhatItLastSaw() {
    Lookups lookups =
        new Lookups(cluster(ID, ClusterPhase.PROVISIONING, 3, 2, 1, 1, "starting broker 2"));

    assertThatThrownBy(
            () -> waiter.await(lookups, new WaitCondition.Ready(ID, 1), Duration.ofSeconds(90)))
        .isInstanceOf(StratusCliException.class)
        .hasMessage(
            "timed out after 1m30s waiting for lkc-ab12cd to be READY at version 1; last seen:"
                + " lkc-ab12cd PROVISIONING 2/3 brokers running — starting broker 2");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    assertThat(lookups.calls).isEqualTo(91);
  }

  @Test
  void theLastSleepIsCutToTheDeadline() {
    Lookups lookups = new Lookups(cluster(ID, ClusterPhase.PROVISIONING, 3, 2, 1, 1, ""));

    assertThatThrownBy(
            () -> waiter.await(lookups, new WaitCondition.Ready(ID, 1), Duration.ofMillis(2500)))
        .hasMessageStartingWith("timed out after 2s");
    assertThat(clock.instant()).isEqualTo(START.plusMillis(2500));
  }

  @Test
  void goneFinishesWhenTheLookupFindsNothing() {
    Lookups lookups =
        new Lookups(cluster(ID, ClusterPhase.DELETING, 3, 1, 2, 2, "stopping brokers"), null);

    assertThat(waiter.await(lookups, new WaitCondition.Gone(ID, 1), Duration.ofMinutes(1)))
        .isEmpty();
    assertThat(lookups.calls).isEqualTo(2);
  }

  /** Answers the given clusters in order, then repeats the last; null means 404. */
  private static final class Lookups implements Supplier<Optional<ApiResponse<Cluster>>> {
    private final Deque<Optional<Cluster>> answers = new ArrayDeque<>();
    private int calls;

    Lookups(Cluster... clusters) {
      for (Cluster cluster : clusters) {
        answers.add(Optional.ofNullable(cluster));
      }
    }

    @Override
    public Optional<ApiResponse<Cluster>> get() {
      calls++;
      Optional<Cluster> answer = answers.size() > 1 ? answers.poll() : answers.peek();
      return answer.map(c -> new ApiResponse<>(c, StratusJson.mapper().valueToTree(c)));
    }
  }
}
