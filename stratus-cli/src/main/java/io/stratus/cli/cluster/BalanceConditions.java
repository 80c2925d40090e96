package io.stratus.cli.cluster;

import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import java.util.function.Predicate;

/** What {@code cluster balance} waits for, decided from one look at the balance status. Pure. */
final class BalanceConditions {

  private BalanceConditions() {}

  /**
   * The balancer has made the plan a dry-run request asked for: it names the request as handled and
   * is no longer planning.
   */
  static Predicate<BalanceStatus> planned(String requestId) {
    return status -> handled(status, requestId) && status.state() != BalanceState.PLANNING;
  }

  /**
   * The balancer has carried out a request, or found nothing to do: it names the request as handled
   * and neither plans nor moves.
   */
  static Predicate<BalanceStatus> carriedOut(String requestId) {
    return status -> handled(status, requestId) && !status.state().busy();
  }

  /** Nothing more will happen without a new trigger: BALANCED, STOPPED or FAILED. */
  static Predicate<BalanceStatus> settled() {
    return status ->
        status.state() == BalanceState.BALANCED
            || status.state() == BalanceState.STOPPED
            || status.state() == BalanceState.FAILED;
  }

  private static boolean handled(BalanceStatus status, String requestId) {
    return status.handledRequest().filter(requestId::equals).isPresent();
  }
}
