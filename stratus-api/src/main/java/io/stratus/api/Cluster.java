package io.stratus.api;

import java.time.Instant;

/**
 * A cluster as the REST API shows it: the user's spec joined with the data plane's status.
 *
 * @param id the platform-assigned identifier, {@code lkc-} and six lowercase alphanumerics
 * @param name the user's name for it
 * @param type the kind of cluster
 * @param spec what the user asked for
 * @param status what the data plane reports
 * @param resourceVersion increases with every accepted change to the spec; writes that name an
 *     older version are refused
 * @param createdAt when the cluster was asked for
 */
public record Cluster(
    String id,
    String name,
    ClusterType type,
    ClusterSpec spec,
    ClusterStatus status,
    long resourceVersion,
    Instant createdAt) {}
