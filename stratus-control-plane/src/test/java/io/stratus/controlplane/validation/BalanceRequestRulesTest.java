package io.stratus.controlplane.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BalanceRequestRulesTest {

  private static Violation violation(Validation<?> validation) {
    assertThat(validation).as("expected a broken rule").isInstanceOf(Validation.Invalid.class);
    return ((Validation.Invalid<?>) validation).violation();
  }

  @Test
  void everyActionIsKnownByItsWireName() {
    for (BalanceAction action : BalanceAction.values()) {
      assertThat(BalanceRequestRules.action(new BalanceRequest(action.wireName())))
          .isEqualTo(Validation.valid(action));
    }
  }

  @Test
  void theActionIsRequired() {
    Violation violation = violation(BalanceRequestRules.action(new BalanceRequest(null)));

    assertThat(violation.field()).isEqualTo("action");
    assertThat(violation.detail()).isEqualTo("action is required; allowed: plan, rebalance, stop");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLAN", "balance", ""})
  void anUnknownActionIsNamedWithTheAllowedOnes(String action) {
    Violation violation = violation(BalanceRequestRules.action(new BalanceRequest(action)));

    assertThat(violation.field()).isEqualTo("action");
    assertThat(violation.detail())
        .isEqualTo("action '" + action + "' is not supported; allowed: plan, rebalance, stop");
  }
}
