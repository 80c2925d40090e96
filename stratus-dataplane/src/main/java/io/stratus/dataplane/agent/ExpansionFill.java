package io.stratus.dataplane.agent;

import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BrokerBalance;
import io.stratus.api.LifecycleOperation;
import io.stratus.api.OperationKind;
import java.util.Optional;
import java.util.Set;

/**
 * Whether brokers added to a cluster have been filled by the balancer yet: an expansion is over
 * once the new brokers carry their share, not when they have merely started. Pure; thread-safe.
 */
final class ExpansionFill {

  private ExpansionFill() {}

  /**
   * The expansion still under way, or empty when it is over: the balancer is off, it settled
   * (balanced, stopped or failed), or every added broker holds replicas and no plan runs.
   *
   * @param added the brokers the expansion added
   * @param brokers how many brokers the cluster has now
   */
  static Optional<LifecycleOperation> pending(
      Set<Integer> added, int brokers, BalancingMode mode, Optional<BalanceStatus> balance) {
    if (mode == BalancingMode.OFF || added.isEmpty()) {
      return Optional.empty();
    }
    if (balance.isEmpty()) {
      return Optional.of(operation(added, brokers, 0, "waiting for the balancer's first report"));
    }
    BalanceStatus status = balance.get();
    if (status.state().busy()) {
      int percent = status.progress().map(p -> p.percent()).orElse(0);
      return Optional.of(operation(added, brokers, percent, ""));
    }
    boolean filled =
        added.stream()
            .allMatch(
                id ->
                    status.brokers().stream()
                            .filter(b -> b.id() == id)
                            .mapToInt(BrokerBalance::replicas)
                            .sum()
                        > 0);
    if (filled
        || status.state() == BalanceState.BALANCED
        || status.state() == BalanceState.STOPPED
        || status.state() == BalanceState.FAILED) {
      return Optional.empty();
    }
    return Optional.of(
        operation(added, brokers, 0, "waiting for the balancer to plan: " + status.message()));
  }

  private static LifecycleOperation operation(
      Set<Integer> added, int brokers, int percent, String waiting) {
    return new LifecycleOperation(
        OperationKind.EXPAND,
        brokers,
        brokers,
        added.stream().min(Integer::compare),
        percent,
        waiting.isEmpty() ? Optional.empty() : Optional.of(waiting));
  }
}
