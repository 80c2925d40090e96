package io.stratus.controlplane.http;

import io.stratus.api.ApiKeySecret;
import io.stratus.api.Cluster;
import io.stratus.api.ClusterList;
import io.stratus.api.CreateClusterRequest;
import io.stratus.api.PatchClusterRequest;
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

  /** {@code PATCH /v1/clusters/{id}}. */
  Response patch(String id, Optional<String> ifMatchHeader, byte[] body) {
    Validation<PatchClusterRequest> request = RequestBodies.patchCluster(body);
    if (request instanceof Validation.Invalid<PatchClusterRequest> invalid) {
      return invalid(invalid.violation());
    }
    Optional<Long> ifMatch;
    if (ifMatchHeader.isEmpty() || ifMatchHeader.get().trim().equals("*")) {
      ifMatch = Optional.empty();
    } else {
      Matcher matcher = IF_MATCH.matcher(ifMatchHeader.get().trim());
      if (!matcher.matches()) {
        return invalid(
            new Violation(
                "If-Match",
                "If-Match must be the resource version last read, such as \"5\"; was "
                    + Shown.value(ifMatchHeader.get())));
      }
      ifMatch = Optional.of(Long.parseLong(matcher.group(1)));
    }
    PatchClusterRequest valid = ((Validation.Valid<PatchClusterRequest>) request).value();
    return calls.call(
        (image, context) -> clusters.patch(image, id, valid, ifMatch), 202, ClusterRoutes::etag);
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
