package io.stratus.controlplane.command;

import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.AgentReport;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.model.TenantKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last step of the deletion handshake: once an agent reports a cluster removed (a tombstone
 * under its status key) and the cluster is marked for deletion, its desired state, its Kafka client
 * credentials and its latest balance request are tombstoned too, and the cluster is gone. Pure and
 * stateless.
 */
public final class DeletionCompletion {

  private DeletionCompletion() {}

  /**
   * Tombstones for every cluster whose deletion the agents have finished; the answer is their ids.
   */
  public static Decision<List<String>> decide(ReadModel model) {
    List<DesiredRecord> tombstones = new ArrayList<>();
    List<String> finished = new ArrayList<>();
    model.desiredClusters().stream()
        .filter(DesiredCluster::deleting)
        .filter(c -> model.report(c.id()).filter(AgentReport.Removed.class::isInstance).isPresent())
        .sorted(Comparator.comparing(DesiredCluster::id))
        .forEach(
            cluster -> {
              finished.add(cluster.id());
              for (TenantKey key : model.tenantKeysOf(cluster.id())) {
                tombstones.add(new DesiredRecord.Tombstone(DesiredEvent.tenantKeyKey(key.key())));
              }
              if (model.balanceRequest(cluster.id()).isPresent()) {
                tombstones.add(
                    new DesiredRecord.Tombstone(DesiredEvent.balanceRequestKey(cluster.id())));
              }
              tombstones.add(new DesiredRecord.Tombstone(DesiredEvent.clusterKey(cluster.id())));
            });
    return Decision.accept(tombstones, finished);
  }
}
