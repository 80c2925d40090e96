package io.stratus.controlplane.validation;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceRequest;
import java.util.Optional;

/**
 * The rules of a request to a cluster's balancer: it names one known action. Pure and stateless.
 */
public final class BalanceRequestRules {

  private BalanceRequestRules() {}

  /** The action the request asks for, or the rule it breaks. */
  public static Validation<BalanceAction> action(BalanceRequest request) {
    if (request.action() == null) {
      return Validation.invalid(
          "action", "action is required; allowed: " + BalanceAction.allowedWireNames());
    }
    Optional<BalanceAction> action = BalanceAction.fromWireName(request.action());
    if (action.isEmpty()) {
      return Validation.invalid(
          "action",
          "action '"
              + Shown.value(request.action())
              + "' is not supported; allowed: "
              + BalanceAction.allowedWireNames());
    }
    return Validation.valid(action.get());
  }
}
