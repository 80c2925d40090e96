package io.stratus.dataplane.agent;

import io.stratus.api.BalanceStatus;
import io.stratus.api.ClusterStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.StatusEvent;
import io.stratus.dataplane.substrate.Substrate;
import io.stratus.dataplane.tiering.StorageUpkeep;
import io.stratus.plugins.tiered.store.ObjectStoreLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane agent: follows the desired state the control plane publishes, reconciles every
 * cluster onto the substrate, and publishes what it sees. One thread does all of it, so cluster
 * state has a single owner. When the control plane's Kafka cannot be reached the agent keeps the
 * clusters it already runs alive (restarting exited brokers) and catches up once it can read again.
 * {@link #start()} and {@link #close()} are thread-safe; everything else runs on the agent's own
 * thread.
 */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);

  private final AgentSettings settings;
  private final Substrate substrate;
  private final AgentIdentity identity;
  private final StateChannel channel;
  private final ClusterReconciler reconciler;
  private final ScheduledExecutorService loop;
  private static final Duration BALANCE_EVERY = Duration.ofSeconds(2);

  private final Map<String, ClusterStatus> reported = new HashMap<>();
  private final Map<String, BalanceStatus> reportedBalance = new HashMap<>();
  private final Set<String> reportedGone = new HashSet<>();
  private final Set<String> warnedUnknown = new HashSet<>();
  private DesiredState desired = DesiredState.empty();
  private Instant nextConnectAttempt = Instant.MIN;

  public Agent(AgentSettings settings, Substrate substrate) {
    this.settings = settings;
    this.substrate = substrate;
    this.identity = AgentIdentity.loadOrCreate(settings.agentDirectory(), settings.agentId());
    this.channel =
        new StateChannel(
            settings.stateClientConfig(), settings.stateReplicationFactor(), settings.agentId());
    this.reconciler =
        new ClusterReconciler(
            substrate,
            identity,
            settings.stopGrace(),
            new StorageUpkeep(
                settings.objectStore().map(ObjectStoreLocation::open), settings.clock()),
            settings.balancing(),
            settings.clock());
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "stratus-agent-" + settings.agentId());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts reconciling in the background. */
  public void start() {
    loop.scheduleWithFixedDelay(
        this::safeTick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("[agent={}] reconcile pass failed: {}", settings.agentId(), e.toString(), e);
    }
  }

  private void tick() {
    if (!channel.isOpen()) {
      connect();
    }
    if (channel.isOpen()) {
      for (StateChannel.DesiredRecord record : channel.poll(Duration.ofMillis(100))) {
        desired = desired.apply(record.key(), record.event());
      }
      channel.retryUnacknowledged();
      if (!desired.caughtUp() && channel.caughtUp()) {
        desired = desired.markCaughtUp();
        LOG.info(
            "[agent={}] caught up with desired state: {} clusters",
            settings.agentId(),
            desired.clusters().size());
      }
    }
    if (!desired.caughtUp()) {
      substrate.clusters().forEach(this::supervise);
      return;
    }
    for (DesiredCluster cluster : desired.clusters().values()) {
      reconcile(cluster);
    }
    for (String local : substrate.clusters()) {
      if (desired.cluster(local).isEmpty()) {
        if (warnedUnknown.add(local)) {
          LOG.warn(
              "[cluster={}] runs here but the control plane does not know it; keeping it running",
              local);
        }
        supervise(local);
      }
    }
  }

  private void supervise(String clusterId) {
    try {
      reconciler.supervise(clusterId);
    } catch (RuntimeException e) {
      LOG.error("[cluster={}] supervising failed: {}", clusterId, e.toString(), e);
    }
  }

  private void reconcile(DesiredCluster cluster) {
    ClusterReconciler.Outcome outcome;
    try {
      outcome =
          reconciler.reconcile(
              cluster, desired.keysOf(cluster.id()), desired.balanceRequest(cluster.id()));
    } catch (RuntimeException e) {
      // One cluster's trouble must not hold up the others; it is retried on the next tick.
      LOG.error("[cluster={}] reconcile pass failed: {}", cluster.id(), e.toString(), e);
      return;
    }
    if (outcome instanceof ClusterReconciler.Gone) {
      reported.remove(cluster.id());
      reportedBalance.remove(cluster.id());
      if (reportedGone.add(cluster.id())) {
        LOG.info("[cluster={}] removed", cluster.id());
        channel.publishGone(cluster.id());
      }
    } else if (outcome instanceof ClusterReconciler.Report report) {
      if (!report.status().equals(reported.get(cluster.id()))) {
        reported.put(cluster.id(), report.status());
        LOG.info(
            "[cluster={}] {}: {}",
            cluster.id(),
            report.status().phase(),
            report.status().message());
        channel.publish(
            new StatusEvent.ClusterReported(
                cluster.id(), report.status(), settings.clock().instant()));
      }
      report.balance().ifPresent(balance -> publishBalance(cluster.id(), balance));
    }
  }

  /**
   * Publishes a cluster's balance when it changed, but a changing progress at most every {@link
   * #BALANCE_EVERY}: a move in flight changes it on every pass.
   */
  private void publishBalance(String clusterId, BalanceStatus balance) {
    BalanceStatus last = reportedBalance.get(clusterId);
    if (balance.equals(last)) {
      return;
    }
    Instant now = settings.clock().instant();
    boolean sameState =
        last != null
            && last.state() == balance.state()
            && last.handledRequest().equals(balance.handledRequest())
            && last.lastPlan().equals(balance.lastPlan());
    if (sameState && now.isBefore(last.updatedAt().plus(BALANCE_EVERY))) {
      return;
    }
    reportedBalance.put(clusterId, balance);
    channel.publish(new StatusEvent.BalanceReported(clusterId, balance, now));
  }

  private void connect() {
    Instant now = settings.clock().instant();
    if (now.isBefore(nextConnectAttempt)) {
      return;
    }
    nextConnectAttempt = now.plus(RECONNECT_EVERY);
    try {
      channel.open();
      channel.publish(
          new StatusEvent.AgentRegistered(settings.agentId(), identity.publicKey(), now));
      LOG.info("[agent={}] connected to the control plane's Kafka", settings.agentId());
    } catch (RuntimeException e) {
      LOG.warn(
          "[agent={}] cannot reach the control plane's Kafka ({}); keeping local clusters running",
          settings.agentId(),
          e.getMessage());
    }
  }

  /** Stops reconciling; brokers keep running (stopping them is the substrate's job). */
  @Override
  public void close() {
    loop.shutdown();
    try {
      if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
    reconciler.close();
    channel.close();
  }
}
