package io.stratus.controlplane.command;

import io.stratus.api.Cluster;
import io.stratus.api.ClusterSpec;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.DesiredCluster;
import io.stratus.api.DesiredEvent;
import io.stratus.api.Identifiers;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.RestartClusterRequest;
import io.stratus.controlplane.log.DesiredRecord;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.validation.ClusterRequestRules;
import io.stratus.controlplane.validation.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides creating, changing, restarting and deleting dedicated clusters. Every accepted change
 * writes the cluster's whole desired state with a higher resource version. Pure, immutable and
 * thread-safe.
 */
public final class ClusterCommands {

  private static final int ID_ATTEMPTS = 1_000;

  private final ClusterRequestRules rules;

  /** Commands that check requests with these rules. */
  public ClusterCommands(ClusterRequestRules rules) {
    this.rules = rules;
  }

  /** A new cluster at version 1, unless the request breaks a rule or its name is taken. */
  public Decision<Cluster> create(
      ReadModel model, CommandContext context, CreateClusterRequest request) {
    Validation<ClusterSpec> spec = rules.newSpec(request);
    if (spec instanceof Validation.Invalid<ClusterSpec> invalid) {
      return Decision.reject(Rejection.invalid(invalid.violation()));
    }
    ClusterSpec valid = ((Validation.Valid<ClusterSpec>) spec).value();
    Optional<DesiredCluster> sameName = model.clusterNamed(valid.name());
    if (sameName.isPresent()) {
      return Decision.reject(Rejection.conflict("name", nameTaken(sameName.get())));
    }
    DesiredCluster cluster =
        new DesiredCluster(newClusterId(model, context), valid, 1, false, context.now());
    return accept(model, cluster);
  }

  /**
   * The cluster with the patch applied and its version increased, unless the cluster is unknown or
   * being deleted, the request was made against another version, the patch breaks a rule, or it
   * would start a lifecycle operation (brokers, Kafka version, configuration) while the cluster is
   * busy with another ({@link LifecycleGate}). A patch that changes nothing is accepted without
   * writing.
   *
   * @param ifMatch the version of the {@code If-Match} header, if the request had one
   */
  public Decision<Cluster> patch(
      ReadModel model, String clusterId, PatchClusterRequest patch, Optional<Long> ifMatch) {
    Optional<DesiredCluster> found = model.desiredCluster(clusterId);
    if (found.isEmpty()) {
      return Decision.reject(ClusterLookups.unknown(clusterId));
    }
    DesiredCluster current = found.get();
    if (current.deleting()) {
      return Decision.reject(ClusterLookups.deleting(current, "change it"));
    }
    Optional<Rejection> stale =
        staleVersion(current, ifMatch, Optional.ofNullable(patch.resourceVersion()));
    if (stale.isPresent()) {
      return Decision.reject(stale.get());
    }
    Validation<ClusterSpec> next = rules.patchedSpec(current.spec(), patch);
    if (next instanceof Validation.Invalid<ClusterSpec> invalid) {
      return Decision.reject(Rejection.invalid(invalid.violation()));
    }
    ClusterSpec spec = ((Validation.Valid<ClusterSpec>) next).value();
    if (spec.equals(current.spec())) {
      return Decision.accept(List.of(), model.view(current));
    }
    if (LifecycleGate.startsOperation(current.spec(), spec)) {
      Optional<Rejection> busy = LifecycleGate.busy(model, current);
      if (busy.isPresent()) {
        return Decision.reject(busy.get());
      }
    }
    return accept(model, current.withSpec(spec));
  }

  /**
   * The cluster asking for a rolling restart at the context's now, its version increased, unless
   * the cluster is unknown or being deleted, the request was made against another version, or the
   * cluster is busy with another lifecycle operation ({@link LifecycleGate}). Every accepted
   * restart writes: the data plane rolls the brokers once for each new {@code restartRequestedAt}.
   *
   * @param ifMatch the version of the {@code If-Match} header, if the request had one
   */
  public Decision<Cluster> restart(
      ReadModel model,
      CommandContext context,
      String clusterId,
      RestartClusterRequest request,
      Optional<Long> ifMatch) {
    Optional<DesiredCluster> found = model.desiredCluster(clusterId);
    if (found.isEmpty()) {
      return Decision.reject(ClusterLookups.unknown(clusterId));
    }
    DesiredCluster current = found.get();
    if (current.deleting()) {
      return Decision.reject(ClusterLookups.deleting(current, "restart it"));
    }
    Optional<Rejection> refused =
        staleVersion(current, ifMatch, Optional.ofNullable(request.resourceVersion()))
            .or(() -> LifecycleGate.busy(model, current));
    if (refused.isPresent()) {
      return Decision.reject(refused.get());
    }
    return accept(
        model,
        current.withSpec(current.spec().withRestartRequestedAt(restartTime(current, context))));
  }

  /**
   * The cluster marked for deletion, unless it is unknown. Deleting a cluster already being deleted
   * is accepted without writing. The cluster is gone once its agent reports it removed ({@link
   * DeletionCompletion}).
   */
  public Decision<Cluster> delete(ReadModel model, String clusterId) {
    Optional<DesiredCluster> found = model.desiredCluster(clusterId);
    if (found.isEmpty()) {
      return Decision.reject(ClusterLookups.unknown(clusterId));
    }
    DesiredCluster current = found.get();
    if (current.deleting()) {
      return Decision.accept(List.of(), model.view(current));
    }
    return accept(model, current.markedForDeletion());
  }

  private static Decision<Cluster> accept(ReadModel model, DesiredCluster cluster) {
    return Decision.accept(
        List.of(new DesiredRecord.Put(new DesiredEvent.ClusterChanged(cluster))),
        model.view(cluster));
  }

  /**
   * Now, unless that is not after the last restart asked for (another control plane instance's
   * clock may have been ahead): the time must change for the data plane to roll again.
   */
  private static Instant restartTime(DesiredCluster current, CommandContext context) {
    Instant now = context.now();
    return current
        .spec()
        .restartRequestedAt()
        .filter(last -> !now.isAfter(last))
        .map(last -> last.plusMillis(1))
        .orElse(now);
  }

  /** The conflict of a request made against another version, by header or in the body. */
  private static Optional<Rejection> staleVersion(
      DesiredCluster current, Optional<Long> ifMatch, Optional<Long> inBody) {
    return staleVersion(current, "If-Match", ifMatch)
        .or(() -> staleVersion(current, "resourceVersion", inBody));
  }

  private static Optional<Rejection> staleVersion(
      DesiredCluster current, String field, Optional<Long> expected) {
    if (expected.isEmpty() || expected.get() == current.resourceVersion()) {
      return Optional.empty();
    }
    return Optional.of(
        Rejection.conflict(
            field,
            "cluster "
                + current.id()
                + " is at version "
                + current.resourceVersion()
                + ", the request was made against version "
                + expected.get()
                + "; read it again and retry"));
  }

  private static String nameTaken(DesiredCluster holder) {
    return "name '"
        + holder.spec().name()
        + "' is already used by cluster "
        + holder.id()
        + (holder.deleting()
            ? ", which is being deleted; the name is free again once the deletion completes"
            : "; choose another name");
  }

  /** A fresh id: never used by a cluster this control plane knows or an agent reported on. */
  private static String newClusterId(ReadModel model, CommandContext context) {
    for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      String id = Identifiers.newClusterId(context.ids());
      if (model.desiredCluster(id).isEmpty() && model.report(id).isEmpty()) {
        return id;
      }
    }
    throw new IllegalStateException(
        "no unused cluster id after " + ID_ATTEMPTS + " attempts; is the random source broken?");
  }
}
