package io.stratus.dataplane.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceProgress;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BrokerBalance;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpansionFillTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void anExpansionLastsWhileTheBalancerMovesReplicasOntoTheNewBroker() {
    BalanceProgress progress =
        new BalanceProgress(
            "plan-1",
            "moving replicas",
            10,
            4,
            0,
            0,
            1000,
            400,
            40,
            List.of(),
            NOW,
            Optional.empty());
    BalanceStatus moving = status(BalanceState.MOVING, 0, Optional.of(progress));

    Optional<LifecycleOperation> pending =
        ExpansionFill.pending(Set.of(3), 4, BalancingMode.EMPTY_BROKER, Optional.of(moving));

    assertThat(pending)
        .contains(
            new LifecycleOperation(
                OperationKind.EXPAND, 4, 4, Optional.of(3), 40, Optional.empty()));
  }

  @Test
  void anExpansionWaitsForTheBalancerToPlanWhileTheNewBrokerIsEmpty() {
    Optional<LifecycleOperation> pending =
        ExpansionFill.pending(
            Set.of(3),
            4,
            BalancingMode.ANY_UNEVEN_LOAD,
            Optional.of(status(BalanceState.COLLECTING, 0, Optional.empty())));

    assertThat(pending.flatMap(LifecycleOperation::waitingFor))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("waiting for the balancer"));
  }

  @Test
  void anExpansionIsOverOnceTheNewBrokerHoldsReplicasAndNoPlanRuns() {
    assertThat(
            ExpansionFill.pending(
                Set.of(3),
                4,
                BalancingMode.ANY_UNEVEN_LOAD,
                Optional.of(status(BalanceState.UNBALANCED, 12, Optional.empty()))))
        .isEmpty();
  }

  @Test
  void anExpansionIsOverAtOnceWithoutABalancerOrOnceItSettles() {
    assertThat(ExpansionFill.pending(Set.of(3), 4, BalancingMode.OFF, Optional.empty())).isEmpty();
    assertThat(
            ExpansionFill.pending(
                Set.of(3),
                4,
                BalancingMode.EMPTY_BROKER,
                Optional.of(status(BalanceState.BALANCED, 0, Optional.empty()))))
        .as("nothing worth moving")
        .isEmpty();
  }

  private static BalanceStatus status(
      BalanceState state, int replicasOnNew, Optional<BalanceProgress> progress) {
    return new BalanceStatus(
        state,
        BalancingMode.ANY_UNEVEN_LOAD,
        "collecting load samples",
        List.of(
            new BrokerBalance(0, "ALIVE", 12, 4, 100, 0, 0),
            new BrokerBalance(3, "ALIVE", replicasOnNew, 0, 0, 0, 0)),
        List.of(),
        Optional.empty(),
        progress,
        Optional.empty(),
        NOW);
  }
}
