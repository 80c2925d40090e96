package io.stratus.cli.wait;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ClusterPhase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitConditionTest {

  private final WaitCondition ready = new WaitCondition.Ready("lkc-ab12cd", 4);
  private final WaitCondition gone = new WaitCondition.Gone("lkc-ab12cd", 4);

  @Test
  void readyNeedsTheWriteObservedAndPhaseReady() {
    assertThat(
            ready.evaluate(Optional.of(cluster("lkc-ab12cd", ClusterPhase.READY, 3, 3, 4, 4, ""))))
        .isEqualTo(new WaitOutcome.Done());
    assertThat(
            ready.evaluate(Optional.of(cluster("lkc-ab12cd", ClusterPhase.READY, 3, 3, 5, 5, ""))))
        .as("a later version includes the write")
        .isEqualTo(new WaitOutcome.Done());
    assertThat(
            ready.evaluate(Optional.of(cluster("lkc-ab12cd", ClusterPhase.READY, 3, 3, 4, 3, ""))))
        .as("READY from before the write was observed")
        .isInstanceOf(WaitOutcome.Pending.class);
  }

  @Test
  void pendingShowsPhaseBrokersAndMessage() {
    WaitOutcome outcome =
        ready.evaluate(
            Optional.of(
                cluster("lkc-ab12cd", ClusterPhase.PROVISIONING, 3, 2, 4, 4, "starting broker 2")));

    assertThat(outcome)
        .isEqualTo(
            new WaitOutcome.Pending(
                "lkc-ab12cd PROVISIONING 2/3 brokers running — starting broker 2"));
  }

  @Test
  void failedEndsTheWaitOnlyOnceTheWriteIsObserved() {
    assertThat(
            ready.evaluate(
                Optional.of(cluster("lkc-ab12cd", ClusterPhase.FAILED, 3, 1, 4, 4, "disk full"))))
        .isEqualTo(new WaitOutcome.Failed("cluster lkc-ab12cd FAILED: disk full"));
    assertThat(
            ready.evaluate(
                Optional.of(cluster("lkc-ab12cd", ClusterPhase.FAILED, 3, 1, 4, 3, "disk full"))))
        .as("an earlier failure that this write may fix")
        .isInstanceOf(WaitOutcome.Pending.class);
  }

  @Test
  void readyFailsWhenTheClusterDisappears() {
    assertThat(ready.evaluate(Optional.empty()))
        .isEqualTo(new WaitOutcome.Failed("cluster lkc-ab12cd was deleted while waiting for it"));
  }

  @Test
  void goneIsDoneWhenTheApiNoLongerKnowsTheCluster() {
    assertThat(gone.evaluate(Optional.empty())).isEqualTo(new WaitOutcome.Done());
    assertThat(
            gone.evaluate(
                Optional.of(cluster("lkc-ab12cd", ClusterPhase.DELETING, 3, 1, 5, 5, "stopping"))))
        .isInstanceOf(WaitOutcome.Pending.class);
    assertThat(
            gone.evaluate(
                Optional.of(cluster("lkc-ab12cd", ClusterPhase.FAILED, 3, 0, 4, 4, "old failure"))))
        .as("a failure from before the delete")
        .isInstanceOf(WaitOutcome.Pending.class);
    assertThat(
            gone.evaluate(
                Optional.of(cluster("lkc-ab12cd", ClusterPhase.FAILED, 3, 0, 5, 5, "stuck"))))
        .isEqualTo(new WaitOutcome.Failed("deleting cluster lkc-ab12cd FAILED: stuck"));
  }
}
