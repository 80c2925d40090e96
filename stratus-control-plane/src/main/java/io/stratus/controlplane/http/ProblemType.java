package io.stratus.controlplane.http;

import io.stratus.api.Problem;
import java.util.Optional;

/** The kinds of problem the REST API answers with, each with its URI, title and status. */
public enum ProblemType {
  /** The request breaks a rule; {@code field} names the field. */
  VALIDATION("validation", "Invalid request", 400),
  /** No valid API key. */
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  /** The resource does not exist. */
  NOT_FOUND("not-found", "Not found", 404),
  /** The resource exists but not with this method. */
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  /** The request contradicts the current state. */
  CONFLICT("conflict", "Conflict", 409),
  /**
   * The cluster is busy with another lifecycle operation (restart, upgrade, reconfigure, expand,
   * shrink); retry once it is READY.
   */
  BUSY("cluster-busy", "Cluster busy", 409),
  /** The request body is larger than the API accepts. */
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
  /** The control plane cannot act now; the same request may succeed later. */
  UNAVAILABLE("unavailable", "Service unavailable", 503),
  /** A defect in the control plane. */
  INTERNAL("internal", "Internal error", 500);

  private static final String BASE = "https://stratus.dev/problems/";

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  /** The URI that names this kind of problem. */
  public String uri() {
    return BASE + slug;
  }

  /** The HTTP status of this kind of problem. */
  public int status() {
    return status;
  }

  /** A problem of this kind about the request as a whole. */
  public Problem problem(String detail) {
    return new Problem(uri(), title, status, detail, null);
  }

  /** A problem of this kind, about one field when there is one. */
  public Problem problem(String detail, Optional<String> field) {
    return new Problem(uri(), title, status, detail, field.orElse(null));
  }
}
