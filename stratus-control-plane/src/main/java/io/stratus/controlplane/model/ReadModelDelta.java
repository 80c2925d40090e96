package io.stratus.controlplane.model;

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
 * that newer writers can add resource kinds. Not thread-safe: one thread replays, then calls {@link
 * #apply()}.
 */
public final class ReadModelDelta {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelDelta.class);
  private static final String CLUSTER_PREFIX = DesiredEvent.clusterKey("");
  private static final String TENANT_KEY_PREFIX = DesiredEvent.tenantKeyKey("");
  private static final String PLATFORM_KEY_PREFIX = DesiredEvent.platformKeyKey("");
  private static final String AGENT_PREFIX = StatusEvent.agentKey("");

  private final Map<String, DesiredCluster> clusters;
  private final Map<String, AgentReport> reports;
  private final Map<String, PlatformKey> platformKeys;
  private final Map<String, TenantKey> tenantKeys;
  private final Map<String, RegisteredAgent> agents;

  ReadModelDelta(
      Map<String, DesiredCluster> clusters,
      Map<String, AgentReport> reports,
      Map<String, PlatformKey> platformKeys,
      Map<String, TenantKey> tenantKeys,
      Map<String, RegisteredAgent> agents) {
    this.clusters = new HashMap<>(clusters);
    this.reports = new HashMap<>(reports);
    this.platformKeys = new HashMap<>(platformKeys);
    this.tenantKeys = new HashMap<>(tenantKeys);
    this.agents = new HashMap<>(agents);
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
    return new ReadModel(clusters, reports, platformKeys, tenantKeys, agents);
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
    }
  }

  private void removeDesired(String key) {
    if (key.startsWith(CLUSTER_PREFIX)) {
      clusters.remove(key.substring(CLUSTER_PREFIX.length()));
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
    }
  }

  private void removeStatus(String key) {
    if (key.startsWith(CLUSTER_PREFIX)) {
      reports.put(key.substring(CLUSTER_PREFIX.length()), new AgentReport.Removed());
    } else if (key.startsWith(AGENT_PREFIX)) {
      agents.remove(key.substring(AGENT_PREFIX.length()));
    } else {
      LOG.debug("ignoring a status tombstone with an unknown key={}", key);
    }
  }
}
