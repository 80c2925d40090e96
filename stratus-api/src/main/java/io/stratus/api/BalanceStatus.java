package io.stratus.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the data plane's balancer reports about one cluster: what it is doing, the load of every
 * broker, how the cluster stands against each goal, the last plan and how far its execution has
 * come. The answer of {@code GET /v1/clusters/{id}/balance}.
 *
 * @param state what the balancer is doing
 * @param mode the balancing mode the balancer applies (from the spec it last read)
 * @param message what the balancer is doing or waiting for, in words a user can act on
 * @param brokers the measured load of every broker, by id
 * @param goals every goal in priority order
 * @param lastPlan the most recent plan, dry run or not, unless none was made yet
 * @param progress the execution of the most recent plan that was carried out, unless none was
 * @param handledRequest the {@code requestId} of the last {@link DesiredEvent.BalanceRequested} the
 *     balancer acted on. The first report naming a request already shows its effect: for {@link
 *     BalanceAction#PLAN}, the resulting dry-run plan in {@code lastPlan} (or, without one, the
 *     reason in {@code message}); for {@link BalanceAction#REBALANCE}, {@code PLANNING} or {@code
 *     MOVING}, or the settled state when there was nothing to move; for {@link BalanceAction#STOP},
 *     {@code STOPPED}, or the settled state when nothing was running. Clients wait for this field
 *     to equal the {@code requestId} they were given.
 * @param updatedAt when the balancer made this report
 */
public record BalanceStatus(
    BalanceState state,
    BalancingMode mode,
    String message,
    List<BrokerBalance> brokers,
    List<GoalStatus> goals,
    Optional<PlanSummary> lastPlan,
    Optional<BalanceProgress> progress,
    Optional<String> handledRequest,
    Instant updatedAt) {

  /** The message of a cluster whose balancer has not reported yet. */
  public static final String NOT_REPORTED = "no balancer report from the data plane yet";

  public BalanceStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
    mode = mode == null ? BalancingMode.DEFAULT : mode;
    message = message == null ? "" : message;
    brokers = brokers == null ? List.of() : List.copyOf(brokers);
    goals = goals == null ? List.of() : List.copyOf(goals);
    lastPlan = lastPlan == null ? Optional.empty() : lastPlan;
    progress = progress == null ? Optional.empty() : progress;
    handledRequest = handledRequest == null ? Optional.empty() : handledRequest;
  }

  /**
   * The status of a cluster whose balancer has not reported yet: {@link BalanceState#COLLECTING},
   * with nothing measured.
   *
   * @param mode the mode the cluster's spec asks for
   * @param since when the wait began (the cluster's creation)
   */
  public static BalanceStatus notReported(BalancingMode mode, Instant since) {
    return new BalanceStatus(
        BalanceState.COLLECTING,
        mode,
        NOT_REPORTED,
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        since);
  }
}
