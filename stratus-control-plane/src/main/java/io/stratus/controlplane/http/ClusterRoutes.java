package io.stratus.controlplane.http;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
import io.stratus.api.RestartClusterRequest;
import io.stratus.controlplane.command.ClusterCommands;
import io.stratus.controlplane.command.Rejection;
import io.stratus.controlplane.command.TenantKeyCommands;
import io.stratus.controlplane.model.ReadModel;
import io.stratus.controlplane.validation.Shown;
import io.stratus.controlplane.validation.Validation;
import io.stratus.controlplane.validation.Violation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dedicated-cluster calls of REST API v1. Reads answer from the current image of the read
 * model; writes run as commands. Thread-safe.
 */
final class ClusterRoutes {

  private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private final Supplier<ReadModel> model;
  private final CommandCalls calls;
  private final ClusterCommands clusters;
  private final TenantKeyCommands tenantKeys;

  ClusterRoutes(
      Supplier<ReadModel> model,
      CommandCalls calls,
      ClusterCommands clusters,
      TenantKeyCommands tenantKeys) {
    this.model = model;
    this.calls = calls;
    this.clusters = clusters;
    this.tenantKeys = tenantKeys;
  }

  /** {@code GET /v1/clusters}. */
  Response list() {
    return new Response.Json(200, new ClusterList(model.get().clusters()));
  }

  /** {@code GET /v1/clusters/{id}}. */
  Response get(String id) {
    return model
        .get()
        .cluster(id)
        .<Response>map(cluster -> new Response.Json(200, cluster, etag(cluster)))
        .orElseGet(() -> notFound(id));
  }

  /** {@code POST /v1/clusters}. */
  Response create(byte[] body) {
    Validation<CreateClusterRequest> request = RequestBodies.createCluster(body);
    if (request instanceof Validation.Invalid<CreateClusterRequest> invalid) {
      return invalid(invalid.violation());
    }
    CreateClusterRequest valid = ((Validation.Valid<CreateClusterRequest>) request).value();
    return calls.call(
        (image, context) -> clusters.create(image, context, valid),
        202,
        cluster -> Map.of("ETag", etagValue(cluster), "Location", "/v1/clusters/" + cluster.id()));
  }

  /**
   * {@code PATCH /v1/clusters/{id}}. A {@code config} in the body replaces the cluster's overrides
   * as a whole.
   */
  Response patch(String id, Optional<String> ifMatchHeader, byte[] body) {
    Validation<PatchClusterRequest> request = RequestBodies.patchCluster(body);
    if (request instanceof Validation.Invalid<PatchClusterRequest> invalid) {
      return invalid(invalid.violation());
    }
    Validation<Optional<Long>> ifMatch = ifMatch(ifMatchHeader);
    if (ifMatch instanceof Validation.Invalid<Optional<Long>> invalid) {
      return invalid(invalid.violation());
    }
    PatchClusterRequest valid = ((Validation.Valid<PatchClusterRequest>) request).value();
    Optional<Long> version = ((Validation.Valid<Optional<Long>>) ifMatch).value();
    return calls.call(
        (image, context) -> clusters.patch(image, id, valid, version), 202, ClusterRoutes::etag);
  }

  /**
   * {@code POST /v1/clusters/{id}/restart}: a health-gated rolling restart, with an optional body
   * {@code {"resourceVersion":N}} or {@code If-Match} header as for {@code PATCH}.
   */
  Response restart(String id, Optional<String> ifMatchHeader, byte[] body) {
    Validation<RestartClusterRequest> request = RequestBodies.restartCluster(body);
    if (request instanceof Validation.Invalid<RestartClusterRequest> invalid) {
      return invalid(invalid.violation());
    }
    Validation<Optional<Long>> ifMatch = ifMatch(ifMatchHeader);
    if (ifMatch instanceof Validation.Invalid<Optional<Long>> invalid) {
      return invalid(invalid.violation());
    }
    RestartClusterRequest valid = ((Validation.Valid<RestartClusterRequest>) request).value();
    Optional<Long> version = ((Validation.Valid<Optional<Long>>) ifMatch).value();
    return calls.call(
        (image, context) -> clusters.restart(image, context, id, valid, version),
        202,
        ClusterRoutes::etag);
  }

  /** {@code DELETE /v1/clusters/{id}}. */
  Response delete(String id) {
    return calls.call((image, context) -> clusters.delete(image, id), 202, ClusterRoutes::etag);
  }

  /** {@code POST /v1/clusters/{id}/api-keys}. */
  Response issueApiKey(String id) {
    return calls.call(
        (image, context) -> tenantKeys.issue(image, context, id),
        201,
        (ApiKeySecret secret) -> Map.of("Cache-Control", "no-store"));
  }

  /** The answer about a cluster that does not exist. */
  static Response notFound(String id) {
    return new Response.Failure(
        ProblemType.NOT_FOUND.problem(
            "there is no cluster with id '" + Shown.value(id) + "'", Optional.empty()));
  }

  /** The version an {@code If-Match} header names; empty without one or with {@code *}. */
  private static Validation<Optional<Long>> ifMatch(Optional<String> header) {
    if (header.isEmpty() || header.get().trim().equals("*")) {
      return Validation.valid(Optional.empty());
    }
    Matcher matcher = IF_MATCH.matcher(header.get().trim());
    if (!matcher.matches()) {
      return Validation.invalid(
          "If-Match",
          "If-Match must be the resource version last read, such as \"5\"; was "
              + Shown.value(header.get()));
    }
    return Validation.valid(Optional.of(Long.parseLong(matcher.group(1))));
  }

  private static Response invalid(Violation violation) {
    return CommandCalls.refusal(Rejection.invalid(violation));
  }

  private static Map<String, String> etag(Cluster cluster) {
    return Map.of("ETag", etagValue(cluster));
  }

  private static String etagValue(Cluster cluster) {
    return "\"" + cluster.resourceVersion() + "\"";
  }
}
