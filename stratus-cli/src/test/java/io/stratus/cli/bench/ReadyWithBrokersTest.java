package io.stratus.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.ClusterPhase;
import io.stratus.cli.testing.ClusterFixtures;
import io.stratus.cli.wait.WaitOutcome;
import org.junit.jupiter.api.Test;

class ReadyWithBrokersTest {

  @Test
  void isDoneWhenReadyWithEveryBroker() {
    assertThat(ReadyWithBrokers.evaluate(ClusterFixtures.ready("lkc-ab12cd"), 3))
        .isInstanceOf(WaitOutcome.Done.class);
  }

  @Test
  void waitsWhileProvisioning() {
    WaitOutcome outcome =
        ReadyWithBrokers.evaluate(
            ClusterFixtures.cluster(
                "lkc-ab12cd", ClusterPhase.PROVISIONING, 3, 1, 1, 1, "starting broker 1"),
            3);

    assertThat(outcome).isInstanceOf(WaitOutcome.Pending.class);
    assertThat(((WaitOutcome.Pending) outcome).progress())
        .contains("lkc-ab12cd PROVISIONING")
        .contains("starting broker 1");
  }

  @Test
  void waitsWhileReadyWithFewerBrokersThanAskedFor() {
    assertThat(
            ReadyWithBrokers.evaluate(
                ClusterFixtures.cluster("lkc-ab12cd", ClusterPhase.READY, 2, 2, 1, 1, ""), 3))
        .isInstanceOf(WaitOutcome.Pending.class);
  }

  @Test
  void failsWhenTheDataPlaneGaveUpOnTheCreatedVersion() {
    WaitOutcome outcome =
        ReadyWithBrokers.evaluate(
            ClusterFixtures.cluster(
                "lkc-ab12cd", ClusterPhase.FAILED, 3, 0, 1, 1, "broker 0 exits at start"),
            3);

    assertThat(outcome)
        .isEqualTo(new WaitOutcome.Failed("cluster lkc-ab12cd FAILED: broker 0 exits at start"));
  }

  @Test
  void waitsOnAFailureTheDataPlaneReportedBeforeSeeingTheCreatedVersion() {
    assertThat(
            ReadyWithBrokers.evaluate(
                ClusterFixtures.cluster("lkc-ab12cd", ClusterPhase.FAILED, 3, 0, 2, 1, "old"), 3))
        .isInstanceOf(WaitOutcome.Pending.class);
  }
}
