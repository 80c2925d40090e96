package io.stratus.controlplane.model;

import io.stratus.api.BalanceStatus;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.StatusEvent;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.log.StatusRecord;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes replayed onto one {@link ReadModel}, building the next image. This is the only place
 * where the read model changes. Records whose key the control plane does not know are ignored, so
 * that newer writers can add resource kinds. What belongs to a cluster (its balance report and
 * balance request) goes when the cluster's desired state goes, and a balance report about a cluster
 * that is not desired is dropped: status is replayed after desired state, so such a report is about
 * a cluster that is gone. Not thread-safe: one thread replays, then calls {@link #apply()}.
 */
public final class ReadModelDelta {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelDelta.class);
  private static final String CLUSTER_PREFIX = DesiredEvent.clusterKey("");
  private static final String TENANT_KEY_PREFIX = DesiredEvent.tenantKeyKey("");
  private static final String PLATFORM_KEY_PREFIX = DesiredEvent.platformKeyKey("");
  private static final String BALANCE_REQUEST_PREFIX = DesiredEvent.balanceRequestKey("");
  private static final String AGENT_PREFIX = StatusEvent.agentKey("");
  private static final String BALANCE_PREFIX = StatusEvent.balanceKey("");

  private final Map<String, DesiredCluster> clusters;
  private final Map<String, AgentReport> reports;
  private final Map<String, PlatformKey> platformKeys;
  private final Map<String, TenantKey> tenantKeys;
  private final Map<String, RegisteredAgent> agents;
  private final Map<String, BalanceStatus> balances;
  private final Map<String, DesiredEvent.BalanceRequested> balanceRequests;

  ReadModelDelta(
      Map<String, DesiredCluster> clusters,
      Map<String, AgentReport> reports,
      Map<String, PlatformKey> platformKeys,
      Map<String, TenantKey> tenantKeys,
      Map<String, RegisteredAgent> agents,
      Map<String, BalanceStatus> balances,
      Map<String, DesiredEvent.BalanceRequested> balanceRequests) {
    this.clusters = new HashMap<>(clusters);
    this.reports = new HashMap<>(reports);
    this.platformKeys = new HashMap<>(platformKeys);
    this.tenantKeys = new HashMap<>(tenantKeys);
    this.agents = new HashMap<>(agents);
    this.balances = new HashMap<>(balances);
    this.balanceRequests = new HashMap<>(balanceRequests);
  }

  /** Replays one record of the desired-state topic. */
  public void replay(DesiredRecord record) {
    if (record instanceof DesiredRecord.Put put) {
      replay(put.event());
    } else {
      removeDesired(record.key());
    }
  }

  /** Replays one record of the status topic. */
  public void replay(StatusRecord record) {
    if (record instanceof StatusRecord.Put put) {
      replay(put.event());
    } else {
      removeStatus(record.key());
    }
  }

  /** The image with every replayed change. */
  public ReadModel apply() {
    return new ReadModel(
        clusters, reports, platformKeys, tenantKeys, agents, balances, balanceRequests);
  }

  private void replay(DesiredEvent event) {
    if (event instanceof DesiredEvent.ClusterChanged changed) {
      clusters.put(changed.cluster().id(), changed.cluster());
    } else if (event instanceof DesiredEvent.TenantKeyIssued issued) {
      tenantKeys.put(
          issued.key(),
          new TenantKey(issued.key(), issued.clusterId(), issued.agentId(), issued.createdAt()));
    } else if (event instanceof DesiredEvent.PlatformKeyIssued issued) {
      platformKeys.put(
          issued.keyId(),
          new PlatformKey(issued.keyId(), issued.secretHash(), issued.role(), issued.createdAt()));
    } else if (event instanceof DesiredEvent.BalanceRequested requested) {
      balanceRequests.put(requested.clusterId(), requested);
    }
  }

  private void removeDesired(String key) {
    if (key.startsWith(CLUSTER_PREFIX)) {
      String clusterId = key.substring(CLUSTER_PREFIX.length());
      clusters.remove(clusterId);
      balances.remove(clusterId);
      balanceRequests.remove(clusterId);
    } else if (key.startsWith(BALANCE_REQUEST_PREFIX)) {
      balanceRequests.remove(key.substring(BALANCE_REQUEST_PREFIX.length()));
    } else if (key.startsWith(TENANT_KEY_PREFIX)) {
      tenantKeys.remove(key.substring(TENANT_KEY_PREFIX.length()));
    } else if (key.startsWith(PLATFORM_KEY_PREFIX)) {
      platformKeys.remove(key.substring(PLATFORM_KEY_PREFIX.length()));
    } else {
      LOG.debug("ignoring a desired-state tombstone with an unknown key={}", key);
    }
  }

  private void replay(StatusEvent event) {
    if (event instanceof StatusEvent.ClusterReported reported) {
      reports.put(
          reported.clusterId(), new AgentReport.Reported(reported.status(), reported.reportedAt()));
    } else if (event instanceof StatusEvent.AgentRegistered registered) {
      agents.put(
          registered.agentId(),
          new RegisteredAgent(
              registered.agentId(), registered.publicKey(), registered.registeredAt()));
    } else if (event instanceof StatusEvent.BalanceReported reported) {
      if (clusters.containsKey(reported.clusterId())) {
        balances.put(reported.clusterId(), reported.status());
      } else {
        LOG.debug("[cluster={}] dropping a balance report: no such cluster", reported.clusterId());
      }
    }
  }

  private void removeStatus(String key) {
    if (key.startsWith(CLUSTER_PREFIX)) {
      String clusterId = key.substring(CLUSTER_PREFIX.length());
      reports.put(clusterId, new AgentReport.Removed());
      balances.remove(clusterId);
    } else if (key.startsWith(BALANCE_PREFIX)) {
      balances.remove(key.substring(BALANCE_PREFIX.length()));
    } else if (key.startsWith(AGENT_PREFIX)) {
      agents.remove(key.substring(AGENT_PREFIX.length()));
    } else {
      LOG.debug("ignoring a status tombstone with an unknown key={}", key);
    }
  }
}
