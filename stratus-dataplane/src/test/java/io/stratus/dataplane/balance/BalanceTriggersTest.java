package io.stratus.dataplane.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalancingMode;
import io.stratus.dataplane.balance.BalanceTriggers.Continue;
import io.stratus.dataplane.balance.BalanceTriggers.Idle;
import io.stratus.dataplane.balance.BalanceTriggers.Plan;
import io.stratus.dataplane.balance.BalanceTriggers.Situation;
import io.stratus.dataplane.balance.BalanceTriggers.Stop;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalanceTriggersTest {

  @Test
  void aDrainingBrokerIsEmptiedEvenWithBalancingOff() {
    Situation s = quiet(BalancingMode.OFF).draining(Set.of(3)).build();

    assertThat(BalanceTriggers.decide(s))
        .isEqualTo(new Plan("broker 3 draining for removal", true));
  }

  @Test
  void aFailedBrokersReplicasAreRecreatedEvenWithBalancingOff() {
    Situation s = quiet(BalancingMode.OFF).dead(Set.of(2)).build();

    assertThat(BalanceTriggers.decide(s))
        .isEqualTo(new Plan("broker 2 failed; re-creating its replicas elsewhere", true));
  }

  @Test
  void anEmptyBrokerGetsItsShareUnlessBalancingIsOff() {
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.EMPTY_BROKER).empty(Set.of(4)).build()))
        .isEqualTo(new Plan("broker 4 added", true));
    assertThat(
            BalanceTriggers.decide(quiet(BalancingMode.ANY_UNEVEN_LOAD).empty(Set.of(4)).build()))
        .isEqualTo(new Plan("broker 4 added", true));
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.OFF).empty(Set.of(4)).build()))
        .isEqualTo(new Idle("balancing is off for this cluster"));
  }

  @Test
  void unevenLoadTriggersOnlyInItsModeAndOnlyOnceRatesAreKnown() {
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.ANY_UNEVEN_LOAD).unbalanced().build()))
        .isEqualTo(new Plan("uneven load", true));
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.EMPTY_BROKER).unbalanced().build()))
        .isInstanceOf(Idle.class);
    assertThat(
            BalanceTriggers.decide(
                quiet(BalancingMode.ANY_UNEVEN_LOAD).unbalanced().ratesReady(false).build()))
        .isEqualTo(new Idle("collecting load samples before judging byte rates"));
  }

  @Test
  void nothingIsPlannedAutomaticallyBeforeTheReplanIntervalHasPassed() {
    Situation s = quiet(BalancingMode.ANY_UNEVEN_LOAD).unbalanced().replanDue(false).build();

    assertThat(BalanceTriggers.decide(s))
        .isEqualTo(new Idle("waiting before checking the balance again"));
  }

  @Test
  void aBrokerThatStartsDrainingIsNotKeptWaitingForTheReplanInterval() {
    Situation fresh =
        quiet(BalancingMode.ANY_UNEVEN_LOAD)
            .draining(Set.of(3))
            .replanDue(false)
            .newEvacuation()
            .build();
    assertThat(BalanceTriggers.decide(fresh))
        .isEqualTo(new Plan("broker 3 draining for removal", true));

    Situation planned =
        quiet(BalancingMode.ANY_UNEVEN_LOAD).draining(Set.of(3)).replanDue(false).build();
    assertThat(BalanceTriggers.decide(planned))
        .as("once planned for, a drain that left replicas behind is planned again only later")
        .isEqualTo(new Idle("waiting before checking the balance again"));
  }

  @Test
  void aRunningPlanContinuesUntilStopped() {
    Situation running = quiet(BalancingMode.ANY_UNEVEN_LOAD).executing().unbalanced().build();
    assertThat(BalanceTriggers.decide(running)).isEqualTo(new Continue());

    Situation stop =
        quiet(BalancingMode.ANY_UNEVEN_LOAD).executing().request(BalanceAction.STOP).build();
    assertThat(BalanceTriggers.decide(stop)).isEqualTo(new Stop());
  }

  @Test
  void requestsWinOverTheMode() {
    assertThat(
            BalanceTriggers.decide(
                quiet(BalancingMode.OFF).request(BalanceAction.REBALANCE).build()))
        .isEqualTo(new Plan("requested", true));
    assertThat(
            BalanceTriggers.decide(
                quiet(BalancingMode.OFF).executing().request(BalanceAction.PLAN).build()))
        .as("a dry run changes nothing, so it may be planned while another plan runs")
        .isEqualTo(new Plan("requested (dry run)", false));
    assertThat(
            BalanceTriggers.decide(
                quiet(BalancingMode.OFF).executing().request(BalanceAction.REBALANCE).build()))
        .isEqualTo(new Continue());
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.OFF).request(BalanceAction.STOP).build()))
        .isEqualTo(new Idle("nothing to stop: no plan is being carried out"));
  }

  @Test
  void aBalancedClusterIsLeftAlone() {
    assertThat(BalanceTriggers.decide(quiet(BalancingMode.ANY_UNEVEN_LOAD).build()))
        .isEqualTo(new Idle("balanced"));
  }

  private static Builder quiet(BalancingMode mode) {
    return new Builder(mode);
  }

  private static final class Builder {
    private final BalancingMode mode;
    private boolean executing;
    private Optional<BalanceAction> request = Optional.empty();
    private Set<Integer> draining = Set.of();
    private Set<Integer> dead = Set.of();
    private Set<Integer> empty = Set.of();
    private boolean unbalanced;
    private boolean ratesReady = true;
    private boolean replanDue = true;
    private boolean newEvacuation;

    Builder(BalancingMode mode) {
      this.mode = mode;
    }

    Builder executing() {
      executing = true;
      return this;
    }

    Builder request(BalanceAction action) {
      request = Optional.of(action);
      return this;
    }

    Builder draining(Set<Integer> ids) {
      draining = ids;
      return this;
    }

    Builder dead(Set<Integer> ids) {
      dead = ids;
      return this;
    }

    Builder empty(Set<Integer> ids) {
      empty = ids;
      return this;
    }

    Builder unbalanced() {
      unbalanced = true;
      return this;
    }

    Builder ratesReady(boolean ready) {
      ratesReady = ready;
      return this;
    }

    Builder replanDue(boolean due) {
      replanDue = due;
      return this;
    }

    Builder newEvacuation() {
      newEvacuation = true;
      return this;
    }

    Situation build() {
      return new Situation(
          mode,
          executing,
          request,
          draining,
          dead,
          empty,
          unbalanced,
          ratesReady,
          replanDue,
          newEvacuation);
    }
  }
}
