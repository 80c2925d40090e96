package io.stratus.dataplane.agent;

import io.stratus.api.BalanceStatus;
import io.stratus.api.BrokerState;
import io.stratus.api.BrokerStatus;
import io.stratus.api.ClusterPhase;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent.BalanceRequested;
import io.stratus.api.DesiredEvent.TenantKeyIssued;
import io.stratus.api.KafkaVersionOrder;
import io.stratus.api.SealedSecrets;
import io.stratus.balancer.BalancerException;
import io.stratus.dataplane.balance.BalancerRuntimeSettings;
import io.stratus.dataplane.balance.ClusterBalancer;
import io.stratus.dataplane.kafka.ClusterAdmin;
import io.stratus.dataplane.kafka.ClusterAdminException;
import io.stratus.dataplane.reconcile.ClusterDecider;
import io.stratus.dataplane.reconcile.Decision;
import io.stratus.dataplane.reconcile.Observation;
import io.stratus.dataplane.reconcile.Step;
import io.stratus.dataplane.substrate.ClusterLayout;
import io.stratus.dataplane.substrate.ClusterPlan;
import io.stratus.dataplane.substrate.NodeLayout;
import io.stratus.dataplane.substrate.NodeProcess;
import io.stratus.dataplane.substrate.NodeRole;
import io.stratus.dataplane.substrate.Substrate;
import io.stratus.dataplane.substrate.SubstrateException;
import io.stratus.dataplane.tiering.StorageUpkeep;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings clusters to their desired state on a substrate: observes a cluster (processes, Kafka's
 * view through the Admin API), asks {@link ClusterDecider} for the next step, carries it out and
 * says what to report. Not thread-safe: used from the agent's loop thread only.
 */
public final class ClusterReconciler implements AutoCloseable {

  /** What to report for a cluster after one pass. */
  public sealed interface Outcome {}

  /** The cluster exists; report this status, and this balance once the balancer runs. */
  public record Report(ClusterStatus status, Optional<BalanceStatus> balance) implements Outcome {}

  /** The cluster has been removed completely. */
  public record Gone() implements Outcome {}

  private static final Logger LOG = LoggerFactory.getLogger(ClusterReconciler.class);

  private final Substrate substrate;
  private final AgentIdentity identity;
  private final Duration stopGrace;
  private final Map<String, ClusterAdmin> admins = new HashMap<>();
  private final Set<String> everReady = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Set<Integer>> unconfirmedStarts = new HashMap<>();

  private final StorageUpkeep storage;
  private final BalancerRuntimeSettings balancing;
  private final Clock clock;
  private final Map<String, ClusterBalancer> balancers = new HashMap<>();
  private final Map<String, Set<Integer>> cordoned = new HashMap<>();
  private final LifecycleObserver lifecycle = new LifecycleObserver();
  private final OperationProgress progress = new OperationProgress();

  public ClusterReconciler(
      Substrate substrate,
      AgentIdentity identity,
      Duration stopGrace,
      StorageUpkeep storage,
      BalancerRuntimeSettings balancing,
      Clock clock) {
    this.substrate = substrate;
    this.identity = identity;
    this.stopGrace = stopGrace;
    this.storage = storage;
    this.balancing = balancing;
    this.clock = clock;
  }

  /** One reconcile pass over a desired cluster. */
  public Outcome reconcile(
      DesiredCluster desired, Set<TenantKeyIssued> keys, Optional<BalanceRequested> request) {
    String id = desired.id();
    Optional<ClusterLayout> layout = substrate.layout(id);
    if (seen.add(id) && layout.isPresent()) {
      // A cluster that existed before this agent started has been ready before.
      everReady.add(id);
    }
    if (desired.deleting() && layout.isEmpty()) {
      return new Gone();
    }
    Observation observation = observe(desired, layout, keys);
    Decision decision = ClusterDecider.decide(observation);
    String message = decision.message();
    try {
      for (Step step : decision.steps()) {
        if (carryOut(desired, step, keys)) {
          return new Gone();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("[cluster={}] {} failed: {}", id, describe(decision), e.getMessage());
      if (refusedChange(decision, e)) {
        // Retrying cannot help and the control plane accepts a new spec only from a cluster
        // that is not UPDATING, so the cluster reports FAILED until the spec changes.
        decision =
            new Decision(
                List.of(),
                ClusterPhase.FAILED,
                "cannot apply the changed spec: " + e.getMessage() + "; change it again",
                decision.draining());
        message = decision.message();
      } else {
        message = message + " — failed: " + e.getMessage() + "; retrying";
      }
    }
    if (decision.operation().isEmpty()
        && observation.layout().map(l -> l.dueRestart().isEmpty()).orElse(true)) {
      lifecycle.settled(id);
    }
    if (decision.phase() == ClusterPhase.READY) {
      everReady.add(id);
      storage.tend(id, admin(id));
    }
    Optional<BalanceStatus> balance = balance(desired, observation, decision, request);
    Decision reported = progress.report(desired, decision, balance);
    if (reported != decision) {
      message = reported.message();
    }
    return new Report(status(desired, observation, reported, message), balance);
  }

  /**
   * Keeps the processes of a cluster running when there is no desired state to act on (the control
   * plane's Kafka is unreachable): restarts any node whose process has exited.
   */
  public void supervise(String clusterId) {
    for (NodeProcess process : substrate.processes(clusterId)) {
      if (!process.alive()) {
        LOG.info(
            "[cluster={} node={}] restarting: its process had exited", clusterId, process.nodeId());
        start(clusterId, process.nodeId());
      }
    }
  }

  private Observation observe(
      DesiredCluster desired, Optional<ClusterLayout> layout, Set<TenantKeyIssued> keys) {
    String id = desired.id();
    Map<Integer, Boolean> alive =
        layout.isEmpty()
            ? Map.of()
            : substrate.processes(id).stream()
                .collect(Collectors.toMap(NodeProcess::nodeId, NodeProcess::alive));
    Optional<Set<Integer>> registered = Optional.empty();
    Optional<Map<TopicPartition, List<Integer>>> assignments = Optional.empty();
    Set<TopicPartition> reassigning = Set.of();
    Set<String> missingKeys = Set.of();
    if (!desired.deleting() && alive.containsValue(true)) {
      registered =
          ask(id, ClusterAdmin::liveBrokers).map(live -> confirmed(id, layout.get(), live));
      long brokers =
          layout.get().nodes().stream().filter(n -> n.roles().contains(NodeRole.BROKER)).count();
      boolean allRegistered = registered.map(r -> r.size() >= brokers).orElse(false);
      if (allRegistered && brokers > desired.spec().brokers()) {
        reassigning = ask(id, ClusterAdmin::reassignmentsInProgress).orElse(Set.of());
        assignments = ask(id, ClusterAdmin::assignments);
      }
      if (allRegistered && !keys.isEmpty()) {
        Set<String> users = ask(id, ClusterAdmin::scramUsers).orElse(null);
        if (users != null) {
          missingKeys =
              keys.stream()
                  .map(TenantKeyIssued::key)
                  .filter(k -> !users.contains(k))
                  .collect(Collectors.toSet());
        }
      }
    }
    Observation observation =
        new Observation(
            desired,
            layout,
            alive,
            registered,
            assignments,
            reassigning,
            missingKeys,
            everReady.contains(id));
    if (registered.isEmpty() || desired.deleting()) {
      return observation;
    }
    return observation.with(
        lifecycle.facts(
            desired,
            layout.get(),
            alive,
            registered.get(),
            new LifecycleObserver.KafkaQuestions() {
              @Override
              public <T> Optional<T> ask(Function<ClusterAdmin, T> question) {
                return ClusterReconciler.this.ask(id, question);
              }
            },
            () -> cordons(id),
            balancing.capacity().diskBytes()));
  }

  /** Carries out one step; true when the cluster is now gone. */
  private boolean carryOut(DesiredCluster desired, Step step, Set<TenantKeyIssued> keys) {
    String id = desired.id();
    LOG.info("[cluster={}] {}", id, step.getClass().getSimpleName());
    if (step instanceof Step.Provision provision) {
      ClusterLayout layout =
          substrate.provision(
              new ClusterPlan(
                  id,
                  provision.brokers(),
                  desired.spec().kafkaVersion(),
                  desired.spec().config(),
                  true));
      layout.nodes().forEach(node -> start(id, node.nodeId()));
    } else if (step instanceof Step.StartNodes start) {
      start.nodeIds().forEach(node -> start(id, node));
    } else if (step instanceof Step.AddBroker) {
      NodeLayout added = substrate.addBroker(id);
      start(id, added.nodeId());
      progress.added(id, added.nodeId());
    } else if (step instanceof Step.DrainBroker drain) {
      Set<Integer> cordons = cordons(id);
      if (!cordons.contains(drain.brokerId())) {
        admin(id).cordon(drain.brokerId());
        cordons.add(drain.brokerId());
        LOG.info("[cluster={} broker={}] cordoned: no new partitions", id, drain.brokerId());
      }
    } else if (step instanceof Step.RemoveBroker remove) {
      substrate.stop(id, remove.brokerId(), stopGrace);
      admin(id).unregisterBroker(remove.brokerId());
      substrate.removeNode(id, remove.brokerId());
      cordons(id).remove(remove.brokerId());
    } else if (step instanceof Step.CreateKeys create) {
      for (TenantKeyIssued key : keys) {
        if (create.keys().contains(key.key())) {
          createKey(id, key);
        }
      }
    } else if (step instanceof Step.Retarget retarget) {
      admin(id).lifecycle().applyClusterDefaults(retarget.liveSettings(), Set.of());
      substrate.retarget(id, retarget.kafkaVersion(), retarget.revision());
      if (retarget.roll().isPresent()) {
        lifecycle.metadataVersionChanging(id);
      }
    } else if (step instanceof Step.RestartNode restart) {
      lifecycle.restarting(id);
      substrate.stop(id, restart.nodeId(), stopGrace);
      start(id, restart.nodeId());
    } else if (step instanceof Step.FinalizeMetadataVersion finalize) {
      admin(id).lifecycle().finalizeMetadataVersion(finalize.level());
      lifecycle.metadataVersionChanging(id);
      LOG.info("[cluster={}] finalized metadata.version level={}", id, finalize.level());
    } else if (step instanceof Step.DeleteCluster) {
      closeBalancer(id);
      cordoned.remove(id);
      closeAdmin(id);
      unconfirmedStarts.remove(id);
      lifecycle.forget(id);
      progress.forget(id);
      substrate.delete(id);
      everReady.remove(id);
      storage.forget(id);
      return true;
    }
    return false;
  }

  private void start(String clusterId, int nodeId) {
    substrate.start(clusterId, nodeId);
    unconfirmedStarts.computeIfAbsent(clusterId, id -> new HashSet<>()).add(nodeId);
  }

  /**
   * The registered brokers, less those this agent started that have not answered on their own
   * listener yet: until the killed process's session expires, Kafka still lists its registration.
   */
  private Set<Integer> confirmed(String clusterId, ClusterLayout layout, Set<Integer> live) {
    Set<Integer> starting = unconfirmedStarts.getOrDefault(clusterId, Set.of());
    if (starting.isEmpty()) {
      return live;
    }
    Set<Integer> confirmed = new HashSet<>(live);
    for (NodeLayout node : layout.nodes()) {
      int nodeId = node.nodeId();
      if (!starting.contains(nodeId) || !live.contains(nodeId)) {
        continue;
      }
      String internal = ClusterLayout.INTERNAL_HOST + ":" + node.internalPort();
      if (ClusterAdmin.answers(substrate.adminConfig(clusterId), internal)) {
        starting.remove(nodeId);
      } else {
        confirmed.remove(nodeId);
      }
    }
    return confirmed;
  }

  /**
   * Runs the cluster's balancer once the cluster serves: all of Kafka's answers are needed to plan,
   * so a cluster still provisioning, or one Kafka does not answer for, is left alone this pass.
   */
  private Optional<BalanceStatus> balance(
      DesiredCluster desired,
      Observation seen,
      Decision decision,
      Optional<BalanceRequested> request) {
    String id = desired.id();
    if (desired.deleting()
        || seen.layout().isEmpty()
        || seen.registered().isEmpty()
        || !everReady.contains(id)) {
      return Optional.ofNullable(balancers.get(id)).flatMap(ClusterBalancer::status);
    }
    try {
      liftStaleCordons(id, decision.draining());
      ClusterBalancer balancer = balancer(id);
      Set<Integer> brokers =
          seen.layout().get().nodes().stream()
              .filter(n -> n.roles().contains(NodeRole.BROKER))
              .map(NodeLayout::nodeId)
              .collect(Collectors.toSet());
      return Optional.of(
          balancer.tick(
              new ClusterBalancer.Pass(
                  desired.spec().balancing().mode(),
                  brokers,
                  seen.registered().get(),
                  decision.draining() >= 0
                      ? OptionalInt.of(decision.draining())
                      : OptionalInt.empty(),
                  request)));
    } catch (BalancerException | ClusterAdminException e) {
      LOG.warn("[cluster={}] balancer pass failed: {}", id, e.getMessage());
      return Optional.ofNullable(balancers.get(id)).flatMap(ClusterBalancer::status);
    }
  }

  private ClusterBalancer balancer(String clusterId) {
    ClusterBalancer balancer = balancers.get(clusterId);
    if (balancer == null) {
      balancer =
          ClusterBalancer.open(clusterId, substrate.adminConfig(clusterId), balancing, clock);
      balancers.put(clusterId, balancer);
    }
    return balancer;
  }

  private void closeBalancer(String clusterId) {
    ClusterBalancer balancer = balancers.remove(clusterId);
    if (balancer != null) {
      balancer.close();
    }
  }

  /** The brokers this agent cordoned, first read from Kafka after the agent (re)starts. */
  private Set<Integer> cordons(String clusterId) {
    Set<Integer> known = cordoned.get(clusterId);
    if (known == null) {
      Set<Integer> brokers =
          substrate
              .layout(clusterId)
              .map(l -> l.nodes().stream().map(NodeLayout::nodeId).collect(Collectors.toSet()))
              .orElse(Set.of());
      known = new HashSet<>(admin(clusterId).cordoned(brokers));
      cordoned.put(clusterId, known);
    }
    return known;
  }

  /** Uncordons brokers that are no longer being removed (the user asked for them back). */
  private void liftStaleCordons(String clusterId, int draining) {
    Set<Integer> cordons = cordons(clusterId);
    for (Integer broker : List.copyOf(cordons)) {
      if (broker != draining) {
        admin(clusterId).uncordon(broker);
        cordons.remove(broker);
        LOG.info("[cluster={} broker={}] uncordoned: it stays", clusterId, broker);
      }
    }
  }

  private void createKey(String clusterId, TenantKeyIssued key) {
    if (!key.agentId().equals(identity.agentId())) {
      throw new IllegalStateException(
          "API key " + key.key() + " was sealed to agent " + key.agentId() + ", not to this one");
    }
    admin(clusterId)
        .upsertTenantKey(
            key.key(), SealedSecrets.open(identity.keys().getPrivate(), key.sealedSecret()));
  }

  private ClusterStatus status(
      DesiredCluster desired, Observation seen, Decision decision, String message) {
    Optional<ClusterLayout> layout = substrate.layout(desired.id());
    Set<Integer> registered = seen.registered().orElse(Set.of());
    List<BrokerStatus> brokers =
        layout
            .map(
                l ->
                    l.nodes().stream()
                        .filter(n -> n.roles().contains(NodeRole.BROKER))
                        .map(n -> broker(l, n, seen, registered, decision.draining()))
                        .toList())
            .orElse(List.of());
    boolean serving = decision.phase() == ClusterPhase.READY || everReady.contains(desired.id());
    return new ClusterStatus(
        decision.phase(),
        serving ? layout.map(ClusterLayout::bootstrap) : Optional.empty(),
        layout.map(ClusterReconciler::runningVersion),
        brokers,
        message,
        desired.resourceVersion(),
        storage.usage(desired.id()),
        decision.operation(),
        lifecycle.metadataVersion(desired.id()).map(levels -> Short.toString(levels.finalized())));
  }

  /** The version every node runs, or during an upgrade the oldest one still running. */
  private static String runningVersion(ClusterLayout layout) {
    return layout.nodes().stream()
        .map(node -> layout.revisionOf(node).kafkaVersion())
        .reduce((a, b) -> KafkaVersionOrder.older(a, b) ? a : b)
        .orElse(layout.kafkaVersion());
  }

  private static BrokerStatus broker(
      ClusterLayout layout,
      NodeLayout node,
      Observation seen,
      Set<Integer> registered,
      int draining) {
    BrokerState state;
    if (!seen.alive().getOrDefault(node.nodeId(), true)) {
      state = BrokerState.STOPPED;
    } else if (node.nodeId() == draining) {
      state = BrokerState.DRAINING;
    } else if (registered.contains(node.nodeId())) {
      state = BrokerState.RUNNING;
    } else {
      state = BrokerState.STARTING;
    }
    return new BrokerStatus(
        node.nodeId(),
        layout.clientHost(),
        node.clientPort(),
        state,
        layout.revisionOf(node).kafkaVersion());
  }

  private <T> Optional<T> ask(String clusterId, Function<ClusterAdmin, T> question) {
    try {
      return Optional.of(question.apply(admin(clusterId)));
    } catch (ClusterAdminException e) {
      LOG.debug("[cluster={}] {}", clusterId, e.getMessage());
      return Optional.empty();
    }
  }

  private ClusterAdmin admin(String clusterId) {
    return admins.computeIfAbsent(clusterId, id -> new ClusterAdmin(substrate.adminConfig(id)));
  }

  private void closeAdmin(String clusterId) {
    ClusterAdmin admin = admins.remove(clusterId);
    if (admin != null) {
      admin.close();
    }
  }

  /** Whether a change of spec failed in a way only another change can fix. */
  private static boolean refusedChange(Decision decision, RuntimeException e) {
    boolean retarget = decision.steps().stream().anyMatch(Step.Retarget.class::isInstance);
    Throwable cause = e.getCause();
    return retarget
        && (e instanceof SubstrateException
            || (cause instanceof ApiException && !(cause instanceof RetriableException)));
  }

  private static String describe(Decision decision) {
    return decision.steps().stream()
        .map(s -> s.getClass().getSimpleName())
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    balancers.values().forEach(ClusterBalancer::close);
    balancers.clear();
    admins.values().forEach(ClusterAdmin::close);
    admins.clear();
    storage.close();
  }
}
