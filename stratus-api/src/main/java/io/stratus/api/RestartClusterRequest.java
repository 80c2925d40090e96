package io.stratus.api;

/**
 * The body of {@code POST /v1/clusters/{id}/restart}, which may also be empty.
 *
 * @param resourceVersion when present, the restart is refused with 409 unless the cluster is still
 *     at this version (the {@code If-Match} header does the same)
 */
public record RestartClusterRequest(Long resourceVersion) {

  /** A restart whatever the cluster's version. */
  public static final RestartClusterRequest ANY_VERSION = new RestartClusterRequest(null);
}
