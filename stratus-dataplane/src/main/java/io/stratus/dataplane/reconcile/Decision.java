package io.stratus.dataplane.reconcile;

import io.stratus.api.ClusterPhase;
import io.stratus.api.LifecycleOperation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent does next for one cluster and what it tells the user meanwhile.
 *
 * @param steps the actions to take now, in order (empty: nothing to do but wait)
 * @param phase the phase to report
 * @param message what the agent is doing or waiting for
 * @param draining the broker being emptied for removal, or -1
 * @param operation the lifecycle operation in progress, if any
 */
public record Decision(
    List<Step> steps,
    ClusterPhase phase,
    String message,
    int draining,
    Optional<LifecycleOperation> operation) {

  public Decision {
    steps = List.copyOf(steps);
    operation = operation == null ? Optional.empty() : operation;
  }

  /** A decision outside any lifecycle operation. */
  public Decision(List<Step> steps, ClusterPhase phase, String message, int draining) {
    this(steps, phase, message, draining, Optional.empty());
  }

  static Decision waiting(ClusterPhase phase, String message) {
    return new Decision(List.of(), phase, message, -1);
  }

  static Decision act(Step step, ClusterPhase phase, String message) {
    return new Decision(List.of(step), phase, message, -1);
  }

  /** This decision as part of {@code operation}. */
  Decision during(LifecycleOperation operation) {
    return new Decision(steps, phase, message, draining, Optional.of(operation));
  }

  /** Node ids as a user reads them: "1, 2". */
  public static String ids(Set<Integer> ids) {
    return String.join(", ", ids.stream().sorted().map(String::valueOf).toList());
  }
}
