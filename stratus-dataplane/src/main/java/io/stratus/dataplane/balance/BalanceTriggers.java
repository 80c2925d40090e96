package io.stratus.dataplane.balance;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalancingMode;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides when the balancer plans, executes or stops, from what it knows of one cluster. Brokers
 * being removed and brokers that failed past their grace period are always emptied, whatever the
 * mode, because the first is how a cluster shrinks and the second is how lost replicas come back;
 * the mode only governs balancing for load: {@code OFF} never, {@code EMPTY_BROKER} when a broker
 * holds nothing (it was just added), {@code ANY_UNEVEN_LOAD} also when a soft goal is violated once
 * enough load samples have been collected. Pure; thread-safe.
 */
public final class BalanceTriggers {

  private BalanceTriggers() {}

  /**
   * What the balancer knows of a cluster at one moment.
   *
   * @param mode the cluster's balancing mode
   * @param executing whether a plan is being carried out
   * @param request a user's request the balancer has not acted on yet
   * @param draining brokers being removed that still hold replicas
   * @param dead brokers gone past their grace period that still hold replicas
   * @param empty live brokers holding no replica while others hold some
   * @param unbalanced whether a soft goal is violated by the last model
   * @param ratesReady whether the last model had enough load samples to judge byte rates
   * @param replanDue whether long enough has passed since the last automatic plan to plan again
   * @param newEvacuation whether a broker started draining or failed since the last plan, which is
   *     acted on at once rather than after the replan interval
   */
  public record Situation(
      BalancingMode mode,
      boolean executing,
      Optional<BalanceAction> request,
      Set<Integer> draining,
      Set<Integer> dead,
      Set<Integer> empty,
      boolean unbalanced,
      boolean ratesReady,
      boolean replanDue,
      boolean newEvacuation) {

    public Situation {
      draining = Set.copyOf(draining);
      dead = Set.copyOf(dead);
      empty = Set.copyOf(empty);
    }
  }

  /** What to do now. */
  public sealed interface Verdict {}

  /** Nothing to do; {@code why} says so in words for the status. */
  public record Idle(String why) implements Verdict {}

  /** Plan now; execute the plan unless it is a dry run. */
  public record Plan(String trigger, boolean execute) implements Verdict {}

  /** Stop the plan being carried out. */
  public record Stop() implements Verdict {}

  /** Keep carrying out the current plan. */
  public record Continue() implements Verdict {}

  /** The verdict for a situation. */
  public static Verdict decide(Situation s) {
    if (s.request().isPresent()) {
      BalanceAction action = s.request().get();
      if (action == BalanceAction.STOP) {
        return s.executing()
            ? new Stop()
            : new Idle("nothing to stop: no plan is being carried out");
      }
      if (action == BalanceAction.PLAN) {
        return new Plan("requested (dry run)", false);
      }
      if (!s.executing()) {
        return new Plan("requested", true);
      }
    }
    if (s.executing()) {
      return new Continue();
    }
    boolean evacuate = s.replanDue() || s.newEvacuation();
    if (evacuate && !s.draining().isEmpty()) {
      return new Plan("broker " + ids(s.draining()) + " draining for removal", true);
    }
    if (evacuate && !s.dead().isEmpty()) {
      return new Plan(
          "broker " + ids(s.dead()) + " failed; re-creating its replicas elsewhere", true);
    }
    if (!s.replanDue()) {
      return new Idle("waiting before checking the balance again");
    }
    if (s.mode() == BalancingMode.OFF) {
      return new Idle("balancing is off for this cluster");
    }
    if (!s.empty().isEmpty()) {
      return new Plan("broker " + ids(s.empty()) + " added", true);
    }
    if (s.mode() == BalancingMode.EMPTY_BROKER) {
      return new Idle("balancing only onto empty brokers; none is empty");
    }
    if (!s.ratesReady()) {
      return new Idle("collecting load samples before judging byte rates");
    }
    if (s.unbalanced()) {
      return new Plan("uneven load", true);
    }
    return new Idle("balanced");
  }

  /** Broker ids as a user reads them: "1, 2". */
  static String ids(Set<Integer> ids) {
    return new TreeSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
