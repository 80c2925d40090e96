package io.stratus.api;

import java.util.List;

/** The answer to {@code GET /v1/clusters}. */
public record ClusterList(List<Cluster> items) {
  public ClusterList {
    items = List.copyOf(items);
  }
}
