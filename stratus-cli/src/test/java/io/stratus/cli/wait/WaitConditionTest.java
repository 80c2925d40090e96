package io.stratus.cli.wait;

import static io.stratus.cli.testing.ClusterFixtures.cluster;
import static io.stratus.cli.testing.ClusterFixtures.operating;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ClusterPhase;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
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
  void pendingShowsTheOperationInProgress() {
    WaitOutcome outcome =
        ready.evaluate(
            Optional.of(
                operating(
                    cluster("lkc-ab12cd", ClusterPhase.UPDATING, 3, 3, 4, 4, "restarting broker 1"),
                    new LifecycleOperation(
                        OperationKind.RESTART, 1, 3, Optional.of(1), 33, Optional.empty()),
                    "4.4-IV0")));

    assertThat(outcome)
        .isEqualTo(
            new WaitOutcome.Pending(
                "lkc-ab12cd UPDATING 3/3 brokers running — rolling restart: 1 of 3 brokers,"
                    + " broker 1 now (33%) — restarting broker 1"));
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
