package io.stratus.dataplane.balance;

import io.stratus.api.BalanceAction;
import io.stratus.api.BalanceState;
import io.stratus.api.BalanceStatus;
import io.stratus.api.BalancingMode;
import io.stratus.api.BrokerBalance;
import io.stratus.api.DesiredEvent.BalanceRequested;
import io.stratus.api.GoalStatus;
import io.stratus.api.PlanSummary;
import io.stratus.balancer.BalancerException;
import io.stratus.balancer.executor.ExecutionPhase;
import io.stratus.balancer.executor.ExecutionProgress;
import io.stratus.balancer.executor.PlanExecutor;
import io.stratus.balancer.model.BrokerHealth;
import io.stratus.balancer.model.BrokerLoad;
import io.stratus.balancer.model.BrokerModel;
import io.stratus.balancer.model.ClusterModel;
import io.stratus.balancer.monitor.LoadMonitor;
import io.stratus.balancer.monitor.ModelResult;
import io.stratus.balancer.optimizer.Optimizer;
import io.stratus.balancer.plan.BalancePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one cluster balanced: feeds the load monitor, rebuilds the load model, asks {@link
 * BalanceTriggers} whether to plan, plans with the {@link Optimizer}, hands plans to the {@link
 * PlanExecutor}, and says where it all stands as a {@link BalanceStatus}. Every call returns
 * promptly; the agent calls {@link #tick} on every reconcile pass of a serving cluster. Not
 * thread-safe: owned by the agent's loop thread.
 */
public final class ClusterBalancer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBalancer.class);

  /** Requests older than this when the agent first sees them are not acted on again. */
  static final Duration STALE_REQUEST = Duration.ofMinutes(10);

  /**
   * What the reconciler knows of the cluster on this pass.
   *
   * @param mode the cluster's balancing mode
   * @param brokers the brokers the cluster should have (its layout)
   * @param live the brokers Kafka lists as registered and unfenced
   * @param draining the broker being removed, if one is
   * @param request the latest balance request users made, handled or not
   */
  public record Pass(
      BalancingMode mode,
      Set<Integer> brokers,
      Set<Integer> live,
      OptionalInt draining,
      Optional<BalanceRequested> request) {

    public Pass {
      brokers = Set.copyOf(brokers);
      live = Set.copyOf(live);
    }
  }

  private final String clusterId;
  private final BalancerRuntimeSettings settings;
  private final Clock clock;
  private final LoadMonitor monitor;
  private final PlanExecutor executor;
  private final Optimizer optimizer;
  private final BrokerAbsence absence;
  private final Instant startedAt;
  private final AutoCloseable owned;

  private boolean recovered;
  private Optional<ClusterModel> model = Optional.empty();
  private Map<Integer, BrokerLoad> loads = Map.of();
  private List<BrokerBalance> brokerBalances = List.of();
  private String waitingFor = "reading the cluster's placement";
  private Instant modelAt = Instant.MIN;
  private Map<Integer, BrokerHealth> modelHealth = Map.of();
  private List<GoalStatus> goals = List.of();
  private boolean unbalanced;
  private Optional<PlanSummary> lastPlan = Optional.empty();
  private Optional<String> handledRequest = Optional.empty();
  private Instant replanAt = Instant.MIN;
  private Map<Integer, BrokerHealth> plannedHealth = Map.of();
  private boolean wasRunning;
  private int planCount;
  private String lastMessage = "";
  private Optional<BalanceStatus> status = Optional.empty();

  /**
   * A balancer for one cluster.
   *
   * @param monitor the cluster's load monitor, closed with this balancer
   * @param executor the cluster's plan executor
   */
  public ClusterBalancer(
      String clusterId,
      LoadMonitor monitor,
      PlanExecutor executor,
      BalancerRuntimeSettings settings,
      Clock clock) {
    this(clusterId, monitor, executor, settings, clock, () -> {});
  }

  private ClusterBalancer(
      String clusterId,
      LoadMonitor monitor,
      PlanExecutor executor,
      BalancerRuntimeSettings settings,
      Clock clock,
      AutoCloseable owned) {
    this.owned = owned;
    this.clusterId = clusterId;
    this.monitor = monitor;
    this.executor = executor;
    this.settings = settings;
    this.clock = clock;
    this.optimizer = new Optimizer(settings.optimizer());
    this.absence = new BrokerAbsence(settings.failureGrace());
    this.startedAt = clock.instant();
  }

  /**
   * A balancer with its own Admin client on the cluster (closed with it), its load monitor reading
   * the samples topic, which it creates if missing, and its executor.
   *
   * @param clientConfig the cluster's internal client configuration
   * @throws BalancerException if the samples topic cannot be created
   */
  public static ClusterBalancer open(
      String clusterId,
      Map<String, Object> clientConfig,
      BalancerRuntimeSettings settings,
      Clock clock) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stratus-balancer");
    Admin admin = Admin.create(config);
    try {
      LoadMonitor.ensureSamplesTopic(admin, settings.monitor().samplesTopic(), 3);
      LoadMonitor monitor = new LoadMonitor(admin, clientConfig, settings.monitor(), clock);
      PlanExecutor executor = new PlanExecutor(admin, settings.executor(), clock);
      return new ClusterBalancer(
          clusterId, monitor, executor, settings, clock, () -> admin.close(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      admin.close(Duration.ofSeconds(5));
      throw e;
    }
  }

  /**
   * One pass: advances the executor, refreshes the model when due, decides and acts.
   *
   * @return the balance as it stands after the pass
   * @throws BalancerException if Kafka could not be asked or told something; the next pass retries
   */
  public BalanceStatus tick(Pass pass) {
    Instant now = clock.instant();
    if (!recovered) {
      // Throttles and reassignments an earlier agent left behind are adopted or cleared first.
      executor.recover();
      recovered = true;
    }
    monitor.poll();
    boolean running = executor.running();
    if (running) {
      executor.tick();
      running = executor.running();
    }
    boolean justFinished = wasRunning && !running;
    wasRunning = running;
    if (justFinished) {
      replanAt = now.plus(settings.replanAfter());
    }

    Set<Integer> failed = absence.failed(pass.brokers(), pass.live(), now);
    Set<Integer> draining = new TreeSet<>();
    pass.draining().ifPresent(draining::add);
    failed.removeAll(draining);
    Set<Integer> missing = new TreeSet<>(pass.brokers());
    missing.removeAll(pass.live());
    missing.removeAll(failed);
    missing.removeAll(draining);

    Map<Integer, BrokerHealth> health = new HashMap<>();
    draining.forEach(b -> health.put(b, BrokerHealth.DRAINING));
    failed.forEach(b -> health.put(b, BrokerHealth.DEAD));

    Optional<BalanceAction> request = pendingRequest(pass.request(), now);
    boolean modelDue =
        model.isEmpty()
            || !now.isBefore(modelAt.plus(settings.modelEvery()))
            || request.isPresent()
            || justFinished
            || !health.equals(modelHealth);
    if (missing.isEmpty() && modelDue && !running) {
      refreshModel(health, now);
    }

    String message;
    BalanceTriggers.Verdict verdict =
        BalanceTriggers.decide(
            new BalanceTriggers.Situation(
                pass.mode(),
                running,
                request,
                holding(draining),
                holding(failed),
                emptyBrokers(),
                unbalanced,
                model.isPresent(),
                !now.isBefore(replanAt),
                !health.isEmpty() && !health.equals(plannedHealth)));
    if (!missing.isEmpty() && verdict instanceof BalanceTriggers.Plan) {
      message =
          "waiting for broker "
              + BalanceTriggers.ids(missing)
              + " to come back (up to "
              + settings.failureGrace().toMinutes()
              + " min before its replicas are re-created elsewhere)";
    } else if (verdict instanceof BalanceTriggers.Plan plan) {
      message = plan(plan, now);
    } else if (verdict instanceof BalanceTriggers.Stop) {
      executor.stop();
      // A user who stops a rebalance does not want the next one half a minute later.
      replanAt = now.plus(settings.replanAfter().multipliedBy(10));
      message = executor.progress().message();
    } else if (verdict instanceof BalanceTriggers.Continue) {
      message = executor.progress().message();
    } else {
      message = model.isEmpty() ? waitingFor : ((BalanceTriggers.Idle) verdict).why();
    }
    pass.request().ifPresent(r -> handledRequest = Optional.of(r.requestId()));
    if (!message.equals(lastMessage)) {
      LOG.info("[cluster={}] balancer: {}", clusterId, message);
      lastMessage = message;
    }
    return report(pass.mode(), message, now);
  }

  /** Status as last reported, if any pass has completed. */
  public Optional<BalanceStatus> status() {
    return status;
  }

  private String plan(BalanceTriggers.Plan trigger, Instant now) {
    if (model.isEmpty()) {
      return waitingFor;
    }
    BalancePlan plan = optimizer.optimize(model.get());
    String planId = "plan-" + now.toEpochMilli() + "-" + (++planCount);
    lastPlan =
        Optional.of(
            BalanceReports.summary(planId, trigger.trigger(), !trigger.execute(), now, plan));
    LOG.info(
        "[cluster={}] planned {} ({}): {} replica moves, {} leadership moves, {} bytes, {} ms",
        clusterId,
        planId,
        trigger.trigger(),
        plan.replicaMoves(),
        plan.leadershipMoves(),
        plan.bytesToMove(),
        plan.planMillis());
    if (!trigger.execute()) {
      return "dry run for " + trigger.trigger() + ": " + describe(plan) + "; nothing was moved";
    }
    replanAt = now.plus(settings.replanAfter());
    plannedHealth = modelHealth;
    if (plan.isEmpty()) {
      return "planned for " + trigger.trigger() + ": nothing to move";
    }
    executor.start(planId, plan);
    wasRunning = true;
    return "carrying out the plan for " + trigger.trigger() + ": " + describe(plan);
  }

  private void refreshModel(Map<Integer, BrokerHealth> health, Instant now) {
    ModelResult result = monitor.model(health, settings.capacity());
    modelAt = now;
    modelHealth = Map.copyOf(health);
    if (result instanceof ModelResult.Ready ready) {
      model = Optional.of(ready.model());
      loads = ready.model().brokerLoads();
      brokerBalances = BalanceReports.brokers(ready.model(), loads);
      List<BalancePlan.GoalResult> results = optimizer.evaluate(ready.model());
      goals = BalanceReports.goals(results);
      unbalanced = results.stream().anyMatch(r -> !r.satisfiedAfter());
    } else {
      model = Optional.empty();
      loads = Map.of();
      brokerBalances = List.of();
      waitingFor = ((ModelResult.NotReady) result).reason();
    }
  }

  private Optional<BalanceAction> pendingRequest(Optional<BalanceRequested> latest, Instant now) {
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    BalanceRequested request = latest.get();
    if (handledRequest.equals(Optional.of(request.requestId()))) {
      return Optional.empty();
    }
    if (request.requestedAt().isBefore(startedAt.minus(STALE_REQUEST))) {
      // Made long before this agent started: an earlier agent has acted on it already.
      handledRequest = Optional.of(request.requestId());
      return Optional.empty();
    }
    return Optional.of(request.action());
  }

  /** Of these brokers, the ones the model shows holding replicas (all of them without a model). */
  private Set<Integer> holding(Set<Integer> brokers) {
    if (model.isEmpty()) {
      return brokers;
    }
    return brokers.stream()
        .filter(b -> loads.getOrDefault(b, BrokerLoad.EMPTY).replicas() > 0)
        .collect(Collectors.toSet());
  }

  private Set<Integer> emptyBrokers() {
    if (model.isEmpty()) {
      return Set.of();
    }
    if (loads.values().stream().allMatch(l -> l.replicas() == 0)) {
      return Set.of();
    }
    return model.get().brokers().stream()
        .filter(b -> b.health() == BrokerHealth.ALIVE)
        .map(BrokerModel::id)
        .filter(id -> loads.get(id).replicas() == 0)
        .collect(Collectors.toSet());
  }

  private BalanceStatus report(BalancingMode mode, String message, Instant now) {
    ExecutionProgress progress = executor.progress();
    BalanceState state;
    if (progress.phase().active()) {
      state = BalanceState.MOVING;
    } else if (model.isEmpty()) {
      state = BalanceState.COLLECTING;
    } else if (progress.phase() == ExecutionPhase.FAILED) {
      state = BalanceState.FAILED;
    } else if (progress.phase() == ExecutionPhase.STOPPED) {
      state = BalanceState.STOPPED;
    } else {
      state = unbalanced ? BalanceState.UNBALANCED : BalanceState.BALANCED;
    }
    if (progress.phase() == ExecutionPhase.FAILED && progress.lastError().isPresent()) {
      message = message + " (last error: " + progress.lastError().get() + ")";
    }
    BalanceStatus next =
        new BalanceStatus(
            state,
            mode,
            message,
            brokerBalances,
            goals,
            lastPlan,
            BalanceReports.progress(progress),
            handledRequest,
            now);
    if (status.isPresent() && sameContent(status.get(), next)) {
      return status.get();
    }
    status = Optional.of(next);
    return next;
  }

  private static boolean sameContent(BalanceStatus a, BalanceStatus b) {
    return a.equals(
        new BalanceStatus(
            b.state(),
            b.mode(),
            b.message(),
            b.brokers(),
            b.goals(),
            b.lastPlan(),
            b.progress(),
            b.handledRequest(),
            a.updatedAt()));
  }

  private static String describe(BalancePlan plan) {
    return plan.replicaMoves()
        + " replica move"
        + (plan.replicaMoves() == 1 ? "" : "s")
        + ", "
        + plan.leadershipMoves()
        + " leadership move"
        + (plan.leadershipMoves() == 1 ? "" : "s")
        + ", "
        + plan.bytesToMove()
        + " bytes to copy";
  }

  @Override
  public void close() {
    monitor.close();
    try {
      owned.close();
    } catch (Exception e) {
      LOG.debug("[cluster={}] closing the balancer's Admin client: {}", clusterId, e.toString());
    }
  }
}
