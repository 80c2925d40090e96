package io.stratus.api;

/**
 * How the data plane keeps one cluster's load even: the balancing part of a {@link ClusterSpec}.
 * JSON: {@code {"mode":"any-uneven-load"}}.
 *
 * @param mode when partitions move without being asked; absent means {@link BalancingMode#DEFAULT}
 */
public record BalancingSpec(BalancingMode mode) {

  /** The balancing of a cluster that asked for nothing in particular. */
  public static final BalancingSpec DEFAULT = new BalancingSpec(BalancingMode.DEFAULT);

  public BalancingSpec {
    mode = mode == null ? BalancingMode.DEFAULT : mode;
  }
}
